import * as assert from 'assert';
import {
  CancelImageLaunchPermissionCommand,
  DescribeImageAttributeCommand,
  DescribeImagesCommand,
  DisableImageBlockPublicAccessCommand,
  EnableImageBlockPublicAccessCommand,
  GetImageBlockPublicAccessStateCommand,
  ModifyImageAttributeCommand,
  ResetImageAttributeCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { PARTNER_SIMULATOR_ACCOUNT } from '../../../src/simulator/accounts';
import type { Simulator } from '../../../src/simulator/simulator';
import { ec2, expectEc2Error, newSimulator } from './helpers';
import { describeOne, imageNamed } from './imagesSupport';

const PARTNER = PARTNER_SIMULATOR_ACCOUNT.accountId;
const ORG = 'arn:aws:organizations::123456789012:organization/o-abcde12345';
const OU = 'arn:aws:organizations::123456789012:ou/o-abcde12345/ou-ab12-cdef3456';

describe('simulator image attributes and sharing', () => {
  let sim: Simulator;
  let client: EC2Client;
  let partner: EC2Client;
  let webId: string;

  const launchPermissions = async (imageId: string) =>
    (await client.send(new DescribeImageAttributeCommand({ ImageId: imageId, Attribute: 'launchPermission' })))
      .LaunchPermissions ?? [];

  beforeEach(async () => {
    sim = newSimulator();
    client = ec2(sim);
    partner = ec2(sim, 'us-east-1', PARTNER_SIMULATOR_ACCOUNT);
    webId = (await imageNamed(client, 'web-server-base-v7')).ImageId!;
  });

  it('shares with an account: the account then sees and can describe the image; removing unshares', async () => {
    await expectEc2Error(partner.send(new DescribeImagesCommand({ ImageIds: [webId] })), 'InvalidAMIID.NotFound');
    await client.send(
      new ModifyImageAttributeCommand({ ImageId: webId, LaunchPermission: { Add: [{ UserId: PARTNER }] } }),
    );
    assert.deepStrictEqual(await launchPermissions(webId), [{ UserId: PARTNER }]);
    assert.strictEqual((await describeOne(partner, webId))?.Name, 'web-server-base-v7');
    await client.send(
      new ModifyImageAttributeCommand({ ImageId: webId, LaunchPermission: { Remove: [{ UserId: PARTNER }] } }),
    );
    assert.deepStrictEqual(await launchPermissions(webId), []);
    await expectEc2Error(partner.send(new DescribeImagesCommand({ ImageIds: [webId] })), 'InvalidAMIID.NotFound');
  });

  it('makes an image public with Group=all and private again with Remove', async () => {
    await client.send(
      new ModifyImageAttributeCommand({ ImageId: webId, LaunchPermission: { Add: [{ Group: 'all' }] } }),
    );
    assert.strictEqual((await describeOne(client, webId))?.Public, true);
    assert.strictEqual((await describeOne(partner, webId))?.ImageId, webId);
    await client.send(
      new ModifyImageAttributeCommand({ ImageId: webId, LaunchPermission: { Remove: [{ Group: 'all' }] } }),
    );
    assert.strictEqual((await describeOne(client, webId))?.Public, false);
  });

  it('records organization and OU shares', async () => {
    await client.send(
      new ModifyImageAttributeCommand({
        ImageId: webId,
        LaunchPermission: { Add: [{ OrganizationArn: ORG }, { OrganizationalUnitArn: OU }] },
      }),
    );
    assert.deepStrictEqual(await launchPermissions(webId), [{ OrganizationArn: ORG }, { OrganizationalUnitArn: OU }]);
    await expectEc2Error(
      client.send(
        new ModifyImageAttributeCommand({
          ImageId: webId,
          LaunchPermission: { Add: [{ OrganizationArn: 'arn:nope' }] },
        }),
      ),
      'InvalidAMIAttributeItemValue',
    );
  });

  it('accepts the legacy OperationType + UserIds/UserGroups form the AWS CLI can send', async () => {
    await client.send(
      new ModifyImageAttributeCommand({
        ImageId: webId,
        Attribute: 'launchPermission',
        OperationType: 'add',
        UserIds: [PARTNER],
      }),
    );
    assert.deepStrictEqual(await launchPermissions(webId), [{ UserId: PARTNER }]);
    await client.send(new ModifyImageAttributeCommand({ ImageId: webId, OperationType: 'remove', UserIds: [PARTNER] }));
    assert.deepStrictEqual(await launchPermissions(webId), []);
    await client.send(new ModifyImageAttributeCommand({ ImageId: webId, OperationType: 'add', UserGroups: ['all'] }));
    assert.strictEqual((await describeOne(client, webId))?.Public, true);
  });

  it('wants 12-digit account ids', async () => {
    const err = await expectEc2Error(
      client.send(
        new ModifyImageAttributeCommand({ ImageId: webId, LaunchPermission: { Add: [{ UserId: '12345' }] } }),
      ),
      'InvalidAMIAttributeItemValue',
      400,
    );
    assert.match(err.message, /12345/);
    assert.deepStrictEqual(await launchPermissions(webId), []);
  });

  it('changes the description', async () => {
    await client.send(new ModifyImageAttributeCommand({ ImageId: webId, Description: { Value: 'new words' } }));
    const attr = await client.send(new DescribeImageAttributeCommand({ ImageId: webId, Attribute: 'description' }));
    assert.strictEqual(attr.Description?.Value, 'new words');
    assert.strictEqual((await describeOne(client, webId))?.Description, 'new words');
  });

  it('refuses to add product codes', async () => {
    await expectEc2Error(
      client.send(new ModifyImageAttributeCommand({ ImageId: webId, ProductCodes: ['abc123'] })),
      'InvalidParameter',
    );
  });

  it('refuses to make public an image with encrypted snapshots, and to share the AWS managed key', async () => {
    const payments = (await imageNamed(client, 'payments-api-encrypted-v3')).ImageId!;
    await expectEc2Error(
      client.send(
        new ModifyImageAttributeCommand({ ImageId: payments, LaunchPermission: { Add: [{ Group: 'all' }] } }),
      ),
      'UnsupportedOperation',
    );
    // A customer managed key may be shared with an account.
    await client.send(
      new ModifyImageAttributeCommand({ ImageId: payments, LaunchPermission: { Add: [{ UserId: PARTNER }] } }),
    );
    assert.deepStrictEqual(await launchPermissions(payments), [{ UserId: PARTNER }]);
  });

  it('CancelImageLaunchPermission: the account leaves an AMI shared with it, which then disappears for it', async () => {
    const shared = (await imageNamed(client, 'partner-monitoring-agent-4.2')).ImageId!;
    await expectEc2Error(
      client.send(new CancelImageLaunchPermissionCommand({ ImageId: shared, DryRun: true })),
      'DryRunOperation',
    );
    const out = await client.send(new CancelImageLaunchPermissionCommand({ ImageId: shared }));
    assert.strictEqual(out.Return, true);
    await expectEc2Error(client.send(new DescribeImagesCommand({ ImageIds: [shared] })), 'InvalidAMIID.NotFound');
    const theirs = (
      await partner.send(new DescribeImageAttributeCommand({ ImageId: shared, Attribute: 'launchPermission' }))
    ).LaunchPermissions;
    assert.ok(!(theirs ?? []).some((p) => p.UserId === '123456789012'), 'the owner sees the account gone');
    // Own images and public ones are not "shared with you" (the simulator's refusal; code unverified).
    await expectEc2Error(client.send(new CancelImageLaunchPermissionCommand({ ImageId: webId })), 'InvalidParameter');
    const [amazon] = (await client.send(new DescribeImagesCommand({ Owners: ['amazon'], MaxResults: 5 }))).Images!;
    await expectEc2Error(
      client.send(new CancelImageLaunchPermissionCommand({ ImageId: amazon.ImageId })),
      'InvalidParameter',
    );
    await expectEc2Error(
      client.send(new CancelImageLaunchPermissionCommand({ ImageId: undefined })),
      'MissingParameter',
    );
  });

  it('lets only the owner modify, reset or read launch permissions', async () => {
    const shared = (await imageNamed(client, 'partner-monitoring-agent-4.2')).ImageId!;
    await expectEc2Error(
      client.send(new ModifyImageAttributeCommand({ ImageId: shared, LaunchPermission: { Add: [{ Group: 'all' }] } })),
      'AuthFailure',
    );
    await expectEc2Error(
      client.send(new ResetImageAttributeCommand({ ImageId: shared, Attribute: 'launchPermission' })),
      'AuthFailure',
    );
    await expectEc2Error(
      client.send(new DescribeImageAttributeCommand({ ImageId: shared, Attribute: 'launchPermission' })),
      'AuthFailure',
    );
    const amazon = (await client.send(new DescribeImagesCommand({ Owners: ['amazon'], MaxResults: 5 }))).Images![0]
      .ImageId!;
    await expectEc2Error(
      client.send(new ModifyImageAttributeCommand({ ImageId: amazon, Description: { Value: 'mine' } })),
      'AuthFailure',
    );
    // Under DryRun a non-owner learns it is not permitted.
    await expectEc2Error(
      client.send(new ModifyImageAttributeCommand({ ImageId: shared, Description: { Value: 'x' }, DryRun: true })),
      'UnauthorizedOperation',
      403,
    );
    // Others may read the public attributes of an image they see.
    const desc = await client.send(new DescribeImageAttributeCommand({ ImageId: shared, Attribute: 'description' }));
    assert.strictEqual(desc.Description?.Value, 'Monitoring agent appliance shared with customers');
  });

  it('resets launch permissions: the image becomes private and unshared', async () => {
    await client.send(
      new ModifyImageAttributeCommand({
        ImageId: webId,
        LaunchPermission: { Add: [{ Group: 'all' }, { UserId: PARTNER }] },
      }),
    );
    await client.send(new ResetImageAttributeCommand({ ImageId: webId, Attribute: 'launchPermission' }));
    assert.deepStrictEqual(await launchPermissions(webId), []);
    assert.strictEqual((await describeOne(client, webId))?.Public, false);
  });

  it('answers the other attributes with their values', async () => {
    const get = (Attribute: string) =>
      client.send(new DescribeImageAttributeCommand({ ImageId: webId, Attribute: Attribute as 'bootMode' }));
    assert.strictEqual((await get('bootMode')).BootMode?.Value, 'uefi-preferred');
    assert.strictEqual((await get('imdsSupport')).ImdsSupport?.Value, 'v2.0');
    assert.strictEqual((await get('deregistrationProtection')).DeregistrationProtection?.Value, 'disabled');
    const market = await imageNamed(client, 'nginx-plus-ubuntu-22.04-R35-*', ['aws-marketplace']);
    const codes = await client.send(
      new DescribeImageAttributeCommand({ ImageId: market.ImageId, Attribute: 'productCodes' }),
    );
    assert.strictEqual(codes.ProductCodes![0].ProductCodeType, 'marketplace');
  });

  it('refuses blockDeviceMapping with AuthFailure and an unknown attribute with InvalidRequest, as EC2 does', async () => {
    const get = (Attribute: string) =>
      client.send(new DescribeImageAttributeCommand({ ImageId: webId, Attribute: Attribute as 'bootMode' }));
    const bdm = await expectEc2Error(get('blockDeviceMapping'), 'AuthFailure');
    assert.strictEqual(bdm.message, 'Unauthorized attempt to access restricted resource');
    for (const attribute of ['colour', 'BootMode']) {
      const unknown = await expectEc2Error(get(attribute), 'InvalidRequest');
      assert.strictEqual(unknown.message, 'The request received was invalid.');
    }
  });

  it('validates ids and required parameters', async () => {
    await expectEc2Error(
      client.send(new DescribeImageAttributeCommand({ ImageId: 'ami-1', Attribute: 'description' })),
      'InvalidAMIID.Malformed',
    );
    await expectEc2Error(
      client.send(new DescribeImageAttributeCommand({ ImageId: 'ami-0123456789abcdef0', Attribute: 'description' })),
      'InvalidAMIID.NotFound',
    );
    await expectEc2Error(
      client.send(new DescribeImageAttributeCommand({ ImageId: webId, Attribute: undefined })),
      'MissingParameter',
    );
    await expectEc2Error(
      client.send(new ModifyImageAttributeCommand({ ImageId: undefined, Description: { Value: 'x' } })),
      'MissingParameter',
    );
    await expectEc2Error(client.send(new ModifyImageAttributeCommand({ ImageId: webId })), 'MissingParameter');
  });

  it('changes nothing under DryRun', async () => {
    await expectEc2Error(
      client.send(
        new ModifyImageAttributeCommand({
          ImageId: webId,
          LaunchPermission: { Add: [{ Group: 'all' }] },
          DryRun: true,
        }),
      ),
      'DryRunOperation',
      412,
    );
    await expectEc2Error(
      client.send(new ResetImageAttributeCommand({ ImageId: webId, Attribute: 'launchPermission', DryRun: true })),
      'DryRunOperation',
    );
    await expectEc2Error(
      client.send(new DescribeImageAttributeCommand({ ImageId: webId, Attribute: 'description', DryRun: true })),
      'DryRunOperation',
    );
    assert.strictEqual((await describeOne(client, webId))?.Public, false);
  });

  describe('block public access', () => {
    it('is unblocked by default, per account and region, and refuses new public sharing when on', async () => {
      const state = async (c: EC2Client) =>
        (await c.send(new GetImageBlockPublicAccessStateCommand({}))).ImageBlockPublicAccessState;
      assert.strictEqual(await state(client), 'unblocked');
      const on = await client.send(
        new EnableImageBlockPublicAccessCommand({ ImageBlockPublicAccessState: 'block-new-sharing' }),
      );
      assert.strictEqual(on.ImageBlockPublicAccessState, 'block-new-sharing');
      assert.strictEqual(await state(client), 'block-new-sharing');
      assert.strictEqual(await state(partner), 'unblocked', 'another account is not affected');
      assert.strictEqual(await state(ec2(sim, 'eu-west-1')), 'unblocked', 'another region is not affected');
      await expectEc2Error(
        client.send(new ModifyImageAttributeCommand({ ImageId: webId, LaunchPermission: { Add: [{ Group: 'all' }] } })),
        'OperationNotPermitted',
      );
      // Sharing with an account is still allowed; an already public image stays public.
      await client.send(
        new ModifyImageAttributeCommand({ ImageId: webId, LaunchPermission: { Add: [{ UserId: PARTNER }] } }),
      );
      assert.strictEqual((await imageNamed(client, 'ami-explorer-demo-public-arm64')).Public, true);
      const off = await client.send(new DisableImageBlockPublicAccessCommand({}));
      assert.strictEqual(off.ImageBlockPublicAccessState, 'unblocked');
      await client.send(
        new ModifyImageAttributeCommand({ ImageId: webId, LaunchPermission: { Add: [{ Group: 'all' }] } }),
      );
      assert.strictEqual((await describeOne(client, webId))?.Public, true);
    });

    it('validates the state and honours DryRun', async () => {
      await expectEc2Error(
        client.send(
          new EnableImageBlockPublicAccessCommand({ ImageBlockPublicAccessState: 'everything' as 'block-new-sharing' }),
        ),
        'InvalidParameterValue',
      );
      await expectEc2Error(
        client.send(
          new EnableImageBlockPublicAccessCommand({ ImageBlockPublicAccessState: 'block-new-sharing', DryRun: true }),
        ),
        'DryRunOperation',
      );
      assert.strictEqual(
        (await client.send(new GetImageBlockPublicAccessStateCommand({}))).ImageBlockPublicAccessState,
        'unblocked',
      );
    });
  });
});
