import * as assert from 'assert';
import { DescribeImagesCommand, type EC2Client, type Image } from '@aws-sdk/client-ec2';
import { SSMClient } from '@aws-sdk/client-ssm';
import { listAmiParameters, resolveParameter, LATEST_AMI_NAMESPACES } from '../../../src/ec2/publicParameters';
import { mostRecentImage, runSnippetLookup } from '../../../src/ec2/snippetLookup';
import { snippetSourceOf } from '../../../src/explorer/snippetSource';
import { snippetsFor } from '../../../src/shared/snippets/snippets';
import { DEFAULT_SIMULATOR_ACCOUNT } from '../../../src/simulator/accounts';
import { SimulatorRequestHandler } from '../../../src/simulator/inProcessHandler';
import type { Simulator } from '../../../src/simulator/simulator';
import { ec2, newSimulator } from '../simulator/helpers';

const NOBLE = '/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id';
const DEBIAN = '/aws/service/debian/release/12/latest/amd64';

function ssmOf(sim: Simulator): SSMClient {
  return new SSMClient({
    region: 'us-east-1',
    credentials: DEFAULT_SIMULATOR_ACCOUNT,
    requestHandler: new SimulatorRequestHandler(sim),
    maxAttempts: 1,
  });
}

describe('"Copy as…" snippets, looked up against the simulator', () => {
  let sim: Simulator;
  let ec2Client: EC2Client;
  let ssm: SSMClient;
  const clients = { ec2: async () => ec2Client, ssm: async () => ssm };

  beforeEach(() => {
    sim = newSimulator();
    ec2Client = ec2(sim);
    ssm = ssmOf(sim);
  });

  async function image(imageId: string): Promise<Image> {
    const out = await ec2Client.send(new DescribeImagesCommand({ ImageIds: [imageId] }));
    return out.Images![0];
  }

  for (const parameter of [NOBLE, DEBIAN]) {
    it(`every format copied from the image ${parameter} names finds that image again`, async () => {
      const imageId = await resolveParameter(ssm, parameter);
      assert.match(imageId ?? '', /^ami-/);
      const source = snippetSourceOf(imageId!, await image(imageId!), parameter);
      const snippets = snippetsFor(source);
      assert.deepStrictEqual(
        snippets.map((s) => s.label),
        [
          'AMI id',
          'resolve:ssm: image id',
          'Terraform data "aws_ssm_parameter"',
          'Terraform data "aws_ami"',
          'CloudFormation parameter (SSM)',
          'CDK MachineImage.fromSsmParameter',
          'CDK MachineImage.lookup',
          'Packer source_ami_filter',
        ],
      );
      for (const snippet of snippets) {
        assert.strictEqual(await runSnippetLookup(clients, snippet.lookup), imageId, snippet.label);
        assert.strictEqual(snippet.warning, undefined, snippet.label);
      }
    });
  }

  it('the name lookups of a community image (no parameter) return it when it is the newest of its family', async () => {
    const out = await ec2Client.send(
      new DescribeImagesCommand({ Owners: ['447151476420'], Filters: [{ Name: 'name', Values: ['jenkins-agent-*'] }] }),
    );
    const images = out.Images ?? [];
    assert.ok(images.length > 0, 'the seed has images of this community publisher');
    const source = snippetSourceOf('', images[0]);
    const newest = await mostRecentImage(ec2Client, [source.owner!], source.namePattern!);
    assert.ok(newest?.ImageId);
    const newestSource = snippetSourceOf(newest.ImageId, newest);
    assert.strictEqual(newestSource.owner, '447151476420', 'the owner id: this publisher has no alias');
    const byName = snippetsFor(newestSource).filter((s) => s.lookup.kind === 'describeImages');
    assert.strictEqual(byName.length, 3, 'Terraform aws_ami, CDK lookup, Packer');
    for (const snippet of byName) {
      assert.strictEqual(await runSnippetLookup(clients, snippet.lookup), newest.ImageId, snippet.label);
    }
    const cfn = snippetsFor(newestSource).find((s) => s.label.startsWith('CloudFormation'));
    assert.strictEqual(cfn?.lookup.kind, 'imageId', 'no parameter: CloudFormation pins the id');
    assert.strictEqual(await runSnippetLookup(clients, cfn.lookup), newest.ImageId);
  });

  it('lists every namespace of the folder page by page, with parameters resolving to AMI ids', async () => {
    for (const ns of LATEST_AMI_NAMESPACES) {
      const listing = await listAmiParameters(ssm, ns);
      assert.ok(listing.parameters.length > 0, `${ns.path} has parameters in the simulator`);
      assert.ok(listing.parameters.every((p) => p.name.startsWith(`${ns.path}/`) && /^ami-/.test(p.imageId)));
    }
    const all = await listAmiParameters(ssm, { key: 'all', label: 'all', path: '/aws/service', recursive: true });
    assert.ok(all.parameters.length > 10, 'more than one page of 10: the paginator followed NextToken');
  });

  it('an unknown parameter resolves to nothing rather than failing', async () => {
    assert.strictEqual(await resolveParameter(ssm, '/aws/service/nothing/here'), undefined);
  });
});
