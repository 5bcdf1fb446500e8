import * as assert from 'assert';
import { proxyFor } from '../../../src/aws/proxyAgent';

describe('proxy choice for AWS calls', () => {
  it("prefers VS Code's http.proxy over HTTPS_PROXY", () => {
    const env = { HTTPS_PROXY: 'http://env-proxy:3128' };
    assert.strictEqual(
      proxyFor('ec2.us-east-1.amazonaws.com', 'http://vscode-proxy:8080', env)?.host,
      'vscode-proxy:8080',
    );
    assert.strictEqual(proxyFor('ec2.us-east-1.amazonaws.com', undefined, env)?.host, 'env-proxy:3128');
    assert.strictEqual(proxyFor('ec2.us-east-1.amazonaws.com', undefined, { https_proxy: 'proxy:1' })?.host, 'proxy:1');
  });

  it('never proxies loopback hosts or those NO_PROXY lists', () => {
    const env = { HTTPS_PROXY: 'http://p:3128', NO_PROXY: '.internal.example, localstack' };
    assert.strictEqual(proxyFor('127.0.0.1', undefined, env), undefined);
    assert.strictEqual(proxyFor('localhost', undefined, env), undefined);
    assert.strictEqual(proxyFor('ec2.internal.example', undefined, env), undefined);
    assert.strictEqual(proxyFor('localstack', undefined, env), undefined);
    assert.ok(proxyFor('ec2.eu-west-1.amazonaws.com', undefined, env));
    assert.strictEqual(proxyFor('ec2.eu-west-1.amazonaws.com', undefined, { ...env, NO_PROXY: '*' }), undefined);
  });

  it('has no proxy when none is configured, and says so when the setting is not a URL', () => {
    assert.strictEqual(proxyFor('ec2.us-east-1.amazonaws.com', undefined, {}), undefined);
    assert.throws(() => proxyFor('ec2.us-east-1.amazonaws.com', 'http://[bad', {}), /not a URL/);
  });
});
