import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { EC2Client, Image } from '@aws-sdk/client-ec2';
import { listImagePage } from '../../../src/ec2/images';
import { OWNER_GROUPS, ROOT_DEVICE_TYPES, type OwnerGroup, type RootDeviceType } from '../../../src/ec2/ownerGroups';
import { listRegions } from '../../../src/ec2/regions';
import { replaceImageCriteria, setAllowedImagesState } from '../../../src/ec2/allowedImages';
import { createAwsClients, type AwsClients } from '../../../src/aws/clientFactory';

/** The listing operations through a real EC2Client, answered by the simulator in process. */
describe('image listing on the simulator', () => {
  let dir: string;
  let clients: AwsClients;
  let ec2: EC2Client;
  let account: string;
  const page = (group: OwnerGroup, rootDeviceType: RootDeviceType, pageSize = 1000, filter = {}, token?: string) =>
    listImagePage(ec2, { group, rootDeviceType, pageSize, accountId: account, filter }, token);

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-explorer-unit-'));
    clients = createAwsClients({ kind: 'simulator', stateFile: path.join(dir, 'state.json'), pendingDelayMs: 0 });
    ec2 = await clients.ec2('us-east-1');
    account = (await clients.identity()).account;
  });

  after(() => {
    clients.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('knows the caller and the regions (STS and DescribeRegions through the same factory)', async () => {
    assert.match(account, /^\d{12}$/);
    const regions = await listRegions(ec2);
    assert.ok(regions.includes('us-east-1') && regions.includes('eu-west-1'), regions.join());
  });

  it('puts every image in exactly one owner group, and each group holds only its own', async () => {
    const seen = new Map<string, string>();
    for (const group of OWNER_GROUPS) {
      for (const rt of ROOT_DEVICE_TYPES) {
        const { images } = await page(group, rt);
        for (const image of images) {
          assert.strictEqual(image.RootDeviceType, rt, `${image.ImageId} in ${group}/${rt}`);
          const previous = seen.get(image.ImageId!);
          assert.ok(!previous, `${image.ImageId} in both ${previous} and ${group}`);
          seen.set(image.ImageId!, group);
          if (group === 'self') assert.strictEqual(image.OwnerId, account);
          if (group === 'shared') assert.notStrictEqual(image.OwnerId, account);
          if (group === 'amazon') assert.strictEqual(image.ImageOwnerAlias, 'amazon');
          if (group === 'marketplace') assert.strictEqual(image.ImageOwnerAlias, 'aws-marketplace');
          if (group === 'public') {
            assert.ok(image.Public && !image.ImageOwnerAlias && image.OwnerId !== account, image.ImageId);
          }
        }
      }
    }
    const counts = OWNER_GROUPS.map((g) => [...seen.values()].filter((v) => v === g).length);
    assert.ok(
      counts.every((c) => c > 0),
      `every group has images in the seed: ${counts.join()}`,
    );
  });

  it('pages a catalog group with NextToken, without repeating images', async () => {
    const first = await page('amazon', 'ebs', 5);
    assert.strictEqual(first.images.length, 5);
    assert.ok(first.nextToken, 'a next page');
    const second = await page('amazon', 'ebs', 5, {}, first.nextToken);
    const ids = new Set(first.images.map((i) => i.ImageId));
    assert.ok(second.images.length > 0);
    assert.ok(
      second.images.every((i) => !ids.has(i.ImageId)),
      'pages do not overlap',
    );
  });

  it('narrows a group server-side by name pattern and architecture', async () => {
    const all = (await page('amazon', 'ebs')).images;
    const arm = (await page('amazon', 'ebs', 1000, { architecture: 'arm64' })).images;
    assert.ok(arm.length > 0 && arm.length < all.length);
    assert.ok(arm.every((i) => i.Architecture === 'arm64'));
    const named = (await page('amazon', 'ebs', 1000, { namePattern: 'al2023' })).images;
    assert.ok(named.length > 0 && named.every((i) => i.Name!.includes('al2023')), named.map((i) => i.Name).join());
  });

  it('shows deprecated images only when the filter asks for them', async () => {
    const shown = (await page('public', 'ebs')).images.length + (await page('amazon', 'ebs')).images.length;
    const withDeprecated =
      (await page('public', 'ebs', 1000, { includeDeprecated: true })).images.length +
      (await page('amazon', 'ebs', 1000, { includeDeprecated: true })).images.length;
    assert.ok(withDeprecated > shown, `${withDeprecated} > ${shown}`);
  });

  it('narrows a group to the images Allowed AMIs does not allow (the image-allowed filter), per owner group', async () => {
    const everyPage = async (group: OwnerGroup, filter = {}) => {
      const images: Image[] = [];
      let token: string | undefined;
      do {
        const next = await page(group, 'ebs', 1000, filter, token);
        images.push(...next.images);
        token = next.nextToken;
      } while (token);
      return images;
    };
    const notAllowed = { badges: ['notAllowed' as const] };
    await replaceImageCriteria(ec2, [
      {
        imageProviders: ['amazon'],
        imageNames: ['al2023-ami-*'],
        marketplaceProductCodes: [],
      },
    ]);
    try {
      await setAllowedImagesState(ec2, 'audit-mode');
      for (const group of OWNER_GROUPS) {
        const all = await everyPage(group);
        const expected = all.filter((i) => i.ImageAllowed === false).map((i) => i.ImageId);
        const filtered = (await everyPage(group, notAllowed)).map((i) => i.ImageId);
        assert.deepStrictEqual(filtered.sort(), expected.sort(), group);
        // Paged in id order (MaxResults), the filter still applies server-side.
        const paged = await page(group, 'ebs', 5, notAllowed);
        assert.ok(
          paged.images.every((i) => i.ImageAllowed === false),
          `${group}: ${paged.images.map((i) => i.ImageId).join()}`,
        );
        if (group === 'self') assert.deepStrictEqual(filtered, [], 'own images are always allowed');
        if (group === 'amazon' || group === 'public') assert.ok(filtered.length > 0, `${group} has some`);
      }
      // Enabled hides the images the criteria do not allow: nothing is left to list.
      await setAllowedImagesState(ec2, 'enabled');
      assert.deepStrictEqual((await page('amazon', 'ebs', 1000, notAllowed)).images, []);
      assert.ok((await page('amazon', 'ebs')).images.length > 0, 'the allowed ones still list');
    } finally {
      await setAllowedImagesState(ec2, 'disabled');
      await replaceImageCriteria(ec2, []);
    }
  });
});
