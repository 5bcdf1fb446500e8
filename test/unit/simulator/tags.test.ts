import * as assert from 'assert';
import {
  CreateTagsCommand,
  DeleteTagsCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSnapshotsCommand,
  DescribeTagsCommand,
  DescribeVolumesCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { PARTNER_SIMULATOR_ACCOUNT } from '../../../src/simulator/accounts';
import type { Simulator } from '../../../src/simulator/simulator';
import { ec2, expectEc2Error, newSimulator } from './helpers';

describe('simulator tags', () => {
  let sim: Simulator;
  let client: EC2Client;
  let ids: {
    image: string;
    snapshot: string;
    volume: string;
    instance: string;
    publicImage: string;
    sharedImage: string;
  };

  beforeEach(async () => {
    sim = newSimulator();
    client = ec2(sim);
    const own = (await client.send(new DescribeImagesCommand({ Owners: ['self'] }))).Images!;
    const image = own.find((i) => i.Name === 'web-server-base-v7')!;
    const instance = (
      await client.send(new DescribeInstancesCommand({ Filters: [{ Name: 'tag:Name', Values: ['web-server-1'] }] }))
    ).Reservations![0].Instances![0];
    ids = {
      image: image.ImageId!,
      snapshot: image.BlockDeviceMappings![0].Ebs!.SnapshotId!,
      volume: instance.BlockDeviceMappings![0].Ebs!.VolumeId!,
      instance: instance.InstanceId!,
      publicImage: (await client.send(new DescribeImagesCommand({ Owners: ['amazon'], MaxResults: 5 }))).Images![0]
        .ImageId!,
      sharedImage: (await client.send(new DescribeImagesCommand({ Owners: ['210987654321'] }))).Images![0].ImageId!,
    };
  });

  it('tags an AMI, a snapshot, a volume and an instance in one call, and each shows the tag', async () => {
    await client.send(
      new CreateTagsCommand({
        Resources: [ids.image, ids.snapshot, ids.volume, ids.instance],
        Tags: [{ Key: 'CostCenter', Value: '42' }],
      }),
    );
    const has = (tags: { Key?: string; Value?: string }[] | undefined) =>
      tags?.some((t) => t.Key === 'CostCenter' && t.Value === '42');
    assert.ok(has((await client.send(new DescribeImagesCommand({ ImageIds: [ids.image] }))).Images![0].Tags));
    assert.ok(
      has((await client.send(new DescribeSnapshotsCommand({ SnapshotIds: [ids.snapshot] }))).Snapshots![0].Tags),
    );
    assert.ok(has((await client.send(new DescribeVolumesCommand({ VolumeIds: [ids.volume] }))).Volumes![0].Tags));
    assert.ok(
      has(
        (await client.send(new DescribeInstancesCommand({ InstanceIds: [ids.instance] }))).Reservations![0]
          .Instances![0].Tags,
      ),
    );
    const described = (
      await client.send(new DescribeTagsCommand({ Filters: [{ Name: 'key', Values: ['CostCenter'] }] }))
    ).Tags!;
    assert.deepStrictEqual(
      described.map((t) => [t.ResourceType, t.ResourceId, t.Value]).sort(),
      [
        ['image', ids.image, '42'],
        ['instance', ids.instance, '42'],
        ['snapshot', ids.snapshot, '42'],
        ['volume', ids.volume, '42'],
      ].sort(),
    );
  });

  it('overwrites the value of an existing key, and keeps a tag without a value', async () => {
    await client.send(
      new CreateTagsCommand({ Resources: [ids.instance], Tags: [{ Key: 'Name', Value: 'renamed' }, { Key: 'Flag' }] }),
    );
    const tags = (
      await client.send(new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: [ids.instance] }] }))
    ).Tags!;
    assert.deepStrictEqual(
      tags.filter((t) => t.Key === 'Name').map((t) => t.Value),
      ['renamed'],
    );
    assert.deepStrictEqual(tags.find((t) => t.Key === 'Flag')?.Value, '');
  });

  it('deletes tags by key, by key and matching value only, and all of them', async () => {
    await client.send(
      new CreateTagsCommand({
        Resources: [ids.volume],
        Tags: [
          { Key: 'a', Value: '1' },
          { Key: 'b', Value: '2' },
          { Key: 'c', Value: '3' },
        ],
      }),
    );
    const keys = async () =>
      (await client.send(new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: [ids.volume] }] })))
        .Tags!.map((t) => t.Key)
        .sort();
    await client.send(
      new DeleteTagsCommand({ Resources: [ids.volume], Tags: [{ Key: 'a' }, { Key: 'b', Value: 'not-2' }] }),
    );
    assert.deepStrictEqual(await keys(), ['b', 'c']);
    await client.send(new DeleteTagsCommand({ Resources: [ids.volume], Tags: [{ Key: 'b', Value: '2' }] }));
    assert.deepStrictEqual(await keys(), ['c']);
    await client.send(new DeleteTagsCommand({ Resources: [ids.volume] }));
    assert.deepStrictEqual(await keys(), []);
  });

  it("lets only the owner tag AMIs and snapshots: public and shared images are refused, others' resources not found", async () => {
    await expectEc2Error(
      client.send(new CreateTagsCommand({ Resources: [ids.publicImage], Tags: [{ Key: 'k', Value: 'v' }] })),
      'AuthFailure',
    );
    await expectEc2Error(
      client.send(new CreateTagsCommand({ Resources: [ids.sharedImage], Tags: [{ Key: 'k', Value: 'v' }] })),
      'AuthFailure',
    );
    const partner = ec2(sim, 'us-east-1', PARTNER_SIMULATOR_ACCOUNT);
    for (const id of [ids.image, ids.snapshot]) {
      await expectEc2Error(
        partner.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: 'k', Value: 'v' }] })),
        id.startsWith('ami-') ? 'InvalidAMIID.NotFound' : 'InvalidSnapshot.NotFound',
      );
    }
    await expectEc2Error(
      partner.send(new CreateTagsCommand({ Resources: [ids.volume], Tags: [{ Key: 'k', Value: 'v' }] })),
      'InvalidVolume.NotFound',
    );
    await expectEc2Error(
      partner.send(new DeleteTagsCommand({ Resources: [ids.instance] })),
      'InvalidInstanceID.NotFound',
    );
    // All or nothing: a refused resource leaves the others untagged.
    await expectEc2Error(
      client.send(
        new CreateTagsCommand({ Resources: [ids.volume, ids.publicImage], Tags: [{ Key: 'k', Value: 'v' }] }),
      ),
      'AuthFailure',
    );
    assert.deepStrictEqual(
      (await client.send(new DescribeTagsCommand({ Filters: [{ Name: 'key', Values: ['k'] }] }))).Tags,
      [],
    );
  });

  it("enforces EC2's limits: 50 tags per resource, key length, value length, the aws: prefix", async () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    await expectEc2Error(
      client.send(new CreateTagsCommand({ Resources: [ids.volume], Tags: many })),
      'TagLimitExceeded',
    );
    await client.send(new CreateTagsCommand({ Resources: [ids.volume], Tags: many.slice(0, 50) }));
    await expectEc2Error(
      client.send(new CreateTagsCommand({ Resources: [ids.volume], Tags: [{ Key: 'one-more', Value: 'v' }] })),
      'TagLimitExceeded',
    );
    // Changing the value of an existing key at the limit is fine.
    await client.send(new CreateTagsCommand({ Resources: [ids.volume], Tags: [{ Key: 'k0', Value: 'changed' }] }));
    await expectEc2Error(
      client.send(new CreateTagsCommand({ Resources: [ids.instance], Tags: [{ Key: 'x'.repeat(129), Value: 'v' }] })),
      'InvalidParameterValue',
    );
    await client.send(
      new CreateTagsCommand({ Resources: [ids.instance], Tags: [{ Key: 'x'.repeat(128), Value: 'v'.repeat(256) }] }),
    );
    await expectEc2Error(
      client.send(new CreateTagsCommand({ Resources: [ids.instance], Tags: [{ Key: 'k', Value: 'v'.repeat(257) }] })),
      'InvalidParameterValue',
    );
    const e = await expectEc2Error(
      client.send(
        new CreateTagsCommand({
          Resources: [ids.instance],
          Tags: [{ Key: 'aws:cloudformation:stack-name', Value: 'v' }],
        }),
      ),
      'InvalidParameterValue',
    );
    assert.match(e.message, /aws:/);
  });

  it('answers bad resource ids and missing parameters with EC2 codes, and changes nothing under DryRun', async () => {
    await expectEc2Error(
      client.send(new CreateTagsCommand({ Resources: ['sg-0123456789abcdef0'], Tags: [{ Key: 'k', Value: 'v' }] })),
      'InvalidID',
    );
    await expectEc2Error(
      client.send(new CreateTagsCommand({ Resources: ['ami-zz'], Tags: [{ Key: 'k', Value: 'v' }] })),
      'InvalidAMIID.Malformed',
    );
    await expectEc2Error(
      client.send(new CreateTagsCommand({ Resources: ['i-0123456789abcdef0'], Tags: [{ Key: 'k', Value: 'v' }] })),
      'InvalidInstanceID.NotFound',
    );
    await expectEc2Error(
      client.send(new CreateTagsCommand({ Resources: ['snap-0123456789abcdef0'], Tags: [{ Key: 'k', Value: 'v' }] })),
      'InvalidSnapshot.NotFound',
    );
    await expectEc2Error(client.send(new CreateTagsCommand({ Resources: [ids.volume], Tags: [] })), 'MissingParameter');
    await expectEc2Error(
      client.send(new CreateTagsCommand({ Resources: [], Tags: [{ Key: 'k', Value: 'v' }] })),
      'MissingParameter',
    );
    await expectEc2Error(
      client.send(
        new CreateTagsCommand({ Resources: [ids.volume], Tags: [{ Key: 'dry', Value: 'run' }], DryRun: true }),
      ),
      'DryRunOperation',
      412,
    );
    await expectEc2Error(
      client.send(new DeleteTagsCommand({ Resources: [ids.instance], DryRun: true })),
      'DryRunOperation',
    );
    const tags = (
      await client.send(
        new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: [ids.volume, ids.instance] }] }),
      )
    ).Tags!;
    assert.ok(!tags.some((t) => t.Key === 'dry'));
    assert.ok(tags.some((t) => t.ResourceId === ids.instance && t.Key === 'Name'));
  });

  it('DescribeTags lists only my resources, filters by type and value, and pages', async () => {
    const all = (await client.send(new DescribeTagsCommand({}))).Tags!;
    assert.ok(all.length > 10);
    const types = new Set(all.map((t) => t.ResourceType));
    assert.deepStrictEqual([...types].sort(), ['image', 'instance', 'snapshot', 'volume']);
    const partnerIds = new Set(
      (await ec2(sim, 'us-east-1', PARTNER_SIMULATOR_ACCOUNT).send(new DescribeTagsCommand({}))).Tags!.map(
        (t) => t.ResourceId,
      ),
    );
    assert.ok(all.every((t) => !partnerIds.has(t.ResourceId)));
    const instances = (
      await client.send(
        new DescribeTagsCommand({
          Filters: [
            { Name: 'resource-type', Values: ['instance'] },
            { Name: 'key', Values: ['Name'] },
          ],
        }),
      )
    ).Tags!;
    assert.ok(
      instances.some((t) => t.Value === 'web-server-1') && instances.every((t) => t.ResourceType === 'instance'),
    );
    const wildcard = (await client.send(new DescribeTagsCommand({ Filters: [{ Name: 'value', Values: ['web-*'] }] })))
      .Tags!;
    assert.ok(wildcard.length >= 2 && wildcard.every((t) => t.Value!.startsWith('web-')));
    const paged: string[] = [];
    let token: string | undefined;
    do {
      const out = await client.send(new DescribeTagsCommand({ MaxResults: 5, NextToken: token }));
      paged.push(...out.Tags!.map((t) => `${t.ResourceId}/${t.Key}`));
      token = out.NextToken;
    } while (token);
    assert.deepStrictEqual([...paged].sort(), all.map((t) => `${t.ResourceId}/${t.Key}`).sort());
    assert.strictEqual(new Set(paged).size, paged.length);
    await expectEc2Error(
      client.send(new DescribeTagsCommand({ Filters: [{ Name: 'colour', Values: ['x'] }] })),
      'InvalidParameterValue',
    );
    await expectEc2Error(client.send(new DescribeTagsCommand({ MaxResults: 2 })), 'InvalidParameterValue');
  });
});
