import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { createAwsClients, SIMULATOR_ACCOUNT_CHOICES, type AwsClients } from '../../../src/aws/clientFactory';
import { ec2ErrorCode } from '../simulator/xmlCheck';

const [DEFAULT] = SIMULATOR_ACCOUNT_CHOICES;
const AUTH = `AWS4-HMAC-SHA256 Credential=${DEFAULT.accessKeyId}/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=00ff`;
const FORM = 'application/x-www-form-urlencoded';

function post(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', headers: { 'content-type': FORM, ...headers }, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Issue 9 item 3 for the extension's **Start Simulator Endpoint**: the endpoint it serves (the
 * in-process simulator over HTTP) refuses what a web page can send, as the CLI's does.
 */
describe("the extension's simulator endpoint refuses what a web page can send", () => {
  let dir: string;
  let clients: AwsClients;
  let url: string;
  let port: number;
  let imageId: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-explorer-endpoint-guard-'));
    clients = createAwsClients({ kind: 'simulator', stateFile: path.join(dir, 'state.json'), pendingDelayMs: 0 });
    ({ url, port } = await clients.simulator!.startEndpoint(0));
    const own = await post(url, { authorization: AUTH }, 'Action=DescribeImages&Version=2016-11-15&Owner.1=self');
    imageId = /<imageId>(ami-[0-9a-f]+)<\/imageId>/.exec(own.body)![1];
  });

  after(() => {
    clients.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const tag = (value: string) =>
    `Action=CreateTags&Version=2016-11-15&ResourceId.1=${imageId}&Tag.1.Key=from&Tag.1.Value=${value}`;

  it('takes credentials only from the Authorization header, and refuses Origin, Sec-Fetch-Site and a foreign Host', async () => {
    const credential = encodeURIComponent(`${DEFAULT.accessKeyId}/20260101/us-east-1/ec2/aws4_request`);
    const formPost = await post(
      url,
      {},
      `${tag('form')}&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${credential}`,
    );
    assert.deepStrictEqual([formPost.status, ec2ErrorCode(formPost.body)], [401, 'AuthFailure']);

    for (const [headers, value] of [
      [{ origin: 'https://evil.example' }, 'origin'],
      [{ 'sec-fetch-site': 'cross-site' }, 'fetch'],
      [{ host: `evil.example:${port}` }, 'rebinding'],
    ] as const) {
      const refused = await post(url, { authorization: AUTH, ...headers }, tag(value));
      assert.deepStrictEqual([refused.status, ec2ErrorCode(refused.body)], [403, 'UnauthorizedOperation'], value);
    }

    const images = await post(url, { authorization: AUTH }, `Action=DescribeImages&ImageId.1=${imageId}`);
    assert.strictEqual(images.status, 200);
    assert.doesNotMatch(images.body, /<key>from<\/key>/, 'no refused request tagged the image');
    const signed = await post(url, { authorization: AUTH }, tag('cli'));
    assert.strictEqual(signed.status, 200, 'the same request signed as the AWS CLI signs it is served');
  });
});
