import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { EC2Client, Image } from '@aws-sdk/client-ec2';
import { DescribeImagesCommand } from '@aws-sdk/client-ec2';
import { createAwsClients, type AwsClients } from '../../../src/aws/clientFactory';
import { replaceImageCriteria, setAllowedImagesState } from '../../../src/ec2/allowedImages';
import { imageFacts } from '../../../src/panels/allowedImagesWhatIf';
import type { AllowedCriterion } from '../../../src/shared/allowedImages';
import { allowedVerdict, checkCriterion, wildcard } from '../../../src/shared/allowedImages';

const c = (over: Partial<AllowedCriterion>): AllowedCriterion => ({
  imageProviders: [],
  imageNames: [],
  marketplaceProductCodes: [],
  ...over,
});
const NOW = Date.parse('2026-11-30T00:00:00Z');
const DAY = 86_400_000;
const image = (over: Partial<Parameters<typeof allowedVerdict>[0]> = {}) => ({
  ownerId: '137112412989',
  ownerAlias: 'amazon',
  name: 'al2023-ami-2023.9-x86_64',
  productCodes: [],
  creationDate: new Date(NOW - 10 * DAY).toISOString(),
  ...over,
});

describe('Allowed AMIs matcher (the what-if of the panel)', () => {
  it('allows the caller’s own images whatever the criteria, even with none', () => {
    assert.strictEqual(
      allowedVerdict(image({ ownerId: '123456789012', ownerAlias: undefined }), [], '123456789012', NOW),
      'allowed',
    );
    assert.strictEqual(allowedVerdict(image(), [], '123456789012', NOW), 'notAllowed');
  });

  it('ORs the criteria and ANDs the conditions of one criterion', () => {
    const names = c({ imageNames: ['ubuntu/*'] });
    const both = c({ imageProviders: ['137112412989'], imageNames: ['al2023-*'] });
    assert.strictEqual(allowedVerdict(image(), [names], '1', NOW), 'notAllowed');
    assert.strictEqual(allowedVerdict(image(), [names, both], '1', NOW), 'allowed');
    assert.strictEqual(
      allowedVerdict(image({ ownerId: '999999999999', ownerAlias: undefined }), [both], '1', NOW),
      'notAllowed',
    );
  });

  it('applies the age and deprecation conditions (0 days excludes every deprecated image)', () => {
    assert.strictEqual(allowedVerdict(image(), [c({ maximumDaysSinceCreated: 9 })], '1', NOW), 'notAllowed');
    assert.strictEqual(allowedVerdict(image(), [c({ maximumDaysSinceCreated: 10 })], '1', NOW), 'allowed');
    const deprecated = image({ deprecationTime: new Date(NOW - DAY).toISOString() });
    assert.strictEqual(allowedVerdict(deprecated, [c({ maximumDaysSinceDeprecated: 0 })], '1', NOW), 'notAllowed');
    assert.strictEqual(allowedVerdict(deprecated, [c({ maximumDaysSinceDeprecated: 2 })], '1', NOW), 'allowed');
    const scheduled = image({ deprecationTime: new Date(NOW + DAY).toISOString() });
    assert.strictEqual(allowedVerdict(scheduled, [c({ maximumDaysSinceDeprecated: 0 })], '1', NOW), 'allowed');
  });

  it('cannot decide provider amazon for an owner without alias (verified providers are not listed by EC2)', () => {
    const canonical = image({ ownerId: '099720109477', ownerAlias: undefined, name: 'ubuntu/images/x' });
    assert.strictEqual(allowedVerdict(canonical, [c({ imageProviders: ['amazon'] })], '1', NOW), 'unknown');
    assert.strictEqual(allowedVerdict(canonical, [c({ imageProviders: ['aws-marketplace'] })], '1', NOW), 'notAllowed');
  });

  it('matches names with * and ? case-sensitively, everything else literally', () => {
    assert.ok(wildcard('al2023-ami-*')('al2023-ami-2023.9'));
    assert.ok(!wildcard('AL2023-*')('al2023-ami'));
    assert.ok(wildcard('a?c')('abc') && !wildcard('a?c')('abbc'));
    assert.ok(!wildcard('a.c')('abc'));
  });

  it('refuses what the reference forbids: none with other providers, bad names and codes, empty criteria', () => {
    assert.match(checkCriterion(c({ imageProviders: ['none', 'amazon'] }))!, /cannot be combined/);
    assert.match(checkCriterion(c({ imageProviders: ['amzn'] }))!, /not a provider/);
    assert.match(checkCriterion(c({ imageNames: ['a?'] }))!, /at least 3/);
    assert.match(checkCriterion(c({ marketplaceProductCodes: ['bad-code'] }))!, /product code/);
    assert.match(checkCriterion(c({}))!, /at least one condition/);
    assert.strictEqual(checkCriterion(c({ imageProviders: ['amazon', '123456789012'] })), undefined);
  });
});

describe('Allowed AMIs matcher agrees with the simulator’s ImageAllowed', () => {
  let dir: string;
  let clients: AwsClients;
  let ec2: EC2Client;
  let account: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-explorer-allowed-'));
    clients = createAwsClients({ kind: 'simulator', stateFile: path.join(dir, 'state.json'), pendingDelayMs: 0 });
    ec2 = await clients.ec2('us-east-1');
    account = (await clients.identity()).account;
  });

  after(() => {
    clients.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const CASES: Record<string, AllowedCriterion[]> = {
    'names of one account': [
      c({ imageProviders: ['137112412989'], imageNames: ['al2023-ami-*', 'Windows_Server-2022-*'] }),
    ],
    'marketplace alias or young images': [
      c({ imageProviders: ['aws-marketplace'] }),
      c({ maximumDaysSinceCreated: 120 }),
    ],
    'no deprecated images, any provider': [c({ maximumDaysSinceDeprecated: 0 })],
    'product codes': [c({ marketplaceProductCodes: ['abcdefghij1234567890abcde', 'a1b2c3d4e5'] })],
    'own images only': [c({ imageProviders: ['none'] })],
  };

  for (const [name, criteria] of Object.entries(CASES)) {
    it(`predicts EC2's verdict on every image: ${name}`, async () => {
      await replaceImageCriteria(ec2, criteria);
      await setAllowedImagesState(ec2, 'audit-mode');
      const images: Image[] = (await ec2.send(new DescribeImagesCommand({ IncludeDeprecated: true }))).Images ?? [];
      assert.ok(images.length > 50, `the catalog: ${images.length}`);
      const now = Date.now();
      let compared = 0;
      const wrong: string[] = [];
      for (const i of images) {
        const verdict = allowedVerdict(imageFacts(i), criteria, account, now);
        if (verdict === 'unknown') continue;
        compared++;
        if ((verdict === 'allowed') !== i.ImageAllowed)
          wrong.push(`${i.ImageId} ${i.Name}: ${verdict} vs ${i.ImageAllowed}`);
      }
      assert.deepStrictEqual(wrong, []);
      assert.strictEqual(compared, images.length, 'no provider amazon: every image decided');
      assert.ok(
        (images.some((i) => i.ImageAllowed) && images.some((i) => i.ImageAllowed === false)) ||
          name === 'own images only',
      );
    });
  }
});
