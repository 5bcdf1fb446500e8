import * as assert from 'assert';
import { CopyImageCommand, DescribeImagesCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { smallestById } from '../../../src/simulator/models/imageQuery';
import type { ImageRecord } from '../../../src/simulator/models/types';
import type { Simulator } from '../../../src/simulator/simulator';
import { ec2, newSimulator } from './helpers';

/** DescribeImages pages the caller's own images by selecting a page's worth, not sorting them all per page. */
describe('simulator DescribeImages paging of own images', () => {
  const record = (imageId: string) => ({ imageId }) as ImageRecord;
  const ids = (images: ImageRecord[]) => images.map((i) => i.imageId);

  it('selects the accepted images with the smallest ids, in id order, at most as many as asked', () => {
    const images = ['ami-09', 'ami-03', 'ami-07', 'ami-01', 'ami-05', 'ami-02', 'ami-08'].map(record);
    const odd = (i: ImageRecord) => Number(i.imageId.slice(-1)) % 2 === 1;
    assert.deepStrictEqual(ids(smallestById(images, odd, 3)), ['ami-01', 'ami-03', 'ami-05']);
    assert.deepStrictEqual(ids(smallestById(images, () => true, 2)), ['ami-01', 'ami-02']);
    assert.deepStrictEqual(ids(smallestById(images, odd, 10)), ['ami-01', 'ami-03', 'ami-05', 'ami-07', 'ami-09']);
    assert.deepStrictEqual(ids(smallestById([...images].reverse(), () => true, 7)), [...ids(images)].sort());
    assert.deepStrictEqual(
      smallestById([], () => true, 3),
      [],
    );
  });

  describe('through the SDK', () => {
    let sim: Simulator;
    let client: EC2Client;

    beforeEach(() => {
      sim = newSimulator();
      client = ec2(sim);
    });

    it('lists every own image exactly once, in id order, across pages smaller than the selection', async () => {
      const all = (await client.send(new DescribeImagesCommand({ Owners: ['self'], IncludeDeprecated: true }))).Images!;
      assert.ok(all.length > 5, `the seed owns ${all.length} images`);
      const seen: string[] = [];
      let token: string | undefined;
      do {
        const out = await client.send(
          new DescribeImagesCommand({ Owners: ['self'], IncludeDeprecated: true, MaxResults: 5, NextToken: token }),
        );
        assert.ok(out.Images!.length <= 5);
        seen.push(...out.Images!.map((i) => i.ImageId!));
        token = out.NextToken;
      } while (token);
      assert.deepStrictEqual(seen, all.map((i) => i.ImageId!).sort());
    });

    it('lists an image made between two listings (the list of own images is not kept past a change)', async () => {
      const listed = async () => {
        const ids: string[] = [];
        let token: string | undefined;
        do {
          const out = await client.send(
            new DescribeImagesCommand({ Owners: ['self'], MaxResults: 5, NextToken: token }),
          );
          ids.push(...out.Images!.map((i) => i.ImageId!));
          token = out.NextToken;
        } while (token);
        return ids;
      };
      const before = await listed();
      const copy = await client.send(
        new CopyImageCommand({ SourceImageId: before[0], SourceRegion: 'us-east-1', Name: 'paging-copy' }),
      );
      const after = await listed();
      assert.deepStrictEqual(after, [...before, copy.ImageId!].sort());
    });
  });
});
