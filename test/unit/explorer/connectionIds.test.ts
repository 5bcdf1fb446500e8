import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { contextValues } from '../../../src/explorer/contextValues';
import { createAwsClients, type AwsClients } from '../../../src/aws/clientFactory';
import { ShownRegions } from '../../../src/explorer/shownRegions';
import { listEnabledRegions } from '../../../src/ec2/regions';
import { readConnections } from '../../../src/aws/connectionSettings';
import { connectionRowId, nodeIds, PRIMARY_CONNECTION_ID, scopedId, unscopedId } from '../../../src/explorer/ids';

describe('tree ids with several connections', () => {
  const image = nodeIds.image('eu-west-1', 'self', 'ebs', 'ami-0123456789abcdef0');

  it("keeps the primary connection's ids as they are", () => {
    assert.strictEqual(scopedId(undefined, image), 'eu-west-1/images/self/ebs/ami-0123456789abcdef0');
    assert.strictEqual(scopedId(PRIMARY_CONNECTION_ID, image), image);
    assert.deepStrictEqual(unscopedId(image), { connectionId: PRIMARY_CONNECTION_ID, id: image });
  });

  it("prefixes another connection's ids with its row's id, once, and reads them back", () => {
    const id = scopedId('partner', image);
    assert.strictEqual(id, 'conn/partner/eu-west-1/images/self/ebs/ami-0123456789abcdef0');
    assert.ok(
      id.startsWith(`${connectionRowId('partner')}/`),
      'a row id is a prefix of its rows (resolve walks by prefix)',
    );
    assert.strictEqual(scopedId('partner', id), id, 'an id already in the subtree is kept');
    assert.deepStrictEqual(unscopedId(id), { connectionId: 'partner', id: image });
    assert.deepStrictEqual(unscopedId(connectionRowId('partner')), { connectionId: 'partner', id: '' });
  });

  it('gives the same node of two connections two different ids', () => {
    assert.notStrictEqual(scopedId('a', image), scopedId('b', image));
    assert.notStrictEqual(scopedId('a', image), scopedId(undefined, image));
  });
});

describe('amiExplorer.connections', () => {
  it('reads valid entries with defaults and skips the others', () => {
    const read = readConnections([
      { id: 'partner', kind: 'simulator', account: '210987654321' },
      { id: 'prod', label: 'Prod', kind: 'profile', profile: 'prod', regions: 'all' },
      {
        id: 'ls',
        kind: 'endpoint',
        endpointUrl: 'http://localhost:4566',
        regions: ['us-east-1', 'us-east-1', 'eu-west-1'],
      },
      { id: 'partner', kind: 'simulator' },
      { id: 'primary', kind: 'simulator' },
      { id: 'bad id', kind: 'simulator' },
      { id: 'x', kind: 'ftp' },
      'junk',
    ]);
    assert.deepStrictEqual(
      read.map((c) => [c.id, c.label, c.kind, c.regions]),
      [
        ['partner', 'partner', 'simulator', ['us-east-1']],
        ['prod', 'Prod', 'profile', 'all'],
        ['ls', 'ls', 'endpoint', ['us-east-1', 'eu-west-1']],
      ],
    );
    assert.strictEqual(read[0].account, '210987654321');
    assert.deepStrictEqual(readConnections(undefined), []);
  });
});

describe('connection rows in package.json menus', () => {
  it('offers Remove Connection on added connections (failed or not), never on the primary one', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8')) as {
      contributes: { menus: Record<string, { command: string; when: string }[]> };
    };
    const entries = pkg.contributes.menus['view/item/context'].filter(
      (m) => m.command === 'amiExplorer.removeConnection',
    );
    assert.ok(entries.length > 0);
    const regexes = entries.map((m) => new RegExp(/viewItem =~ \/(.+)\/(?:\s|$)/.exec(m.when)![1]));
    const shows = (v: string) => regexes.every((r) => r.test(v));
    assert.ok(shows(contextValues.connection(false, false)));
    assert.ok(shows(contextValues.connection(false, true)));
    assert.ok(!shows(contextValues.connection(true, false)));
    assert.ok(!shows(contextValues.connection(true, true)));
    assert.ok(!shows(contextValues.region));
  });
});

describe('"All enabled regions"', () => {
  it('asks DescribeRegions with AllRegions and keeps the regions whose opt-in status enables them', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-explorer-regions-'));
    const clients = createAwsClients({ kind: 'simulator', stateFile: path.join(dir, 'state.json'), pendingDelayMs: 0 });
    try {
      const ec2 = await clients.ec2('us-east-1');
      const sent: unknown[] = [];
      ec2.middlewareStack.add((next) => async (args) => (sent.push(args.input), next(args)), { step: 'initialize' });
      const regions = await listEnabledRegions(ec2);
      assert.deepStrictEqual(sent, [{ AllRegions: true }]);
      assert.ok(regions.includes('us-east-1') && regions.includes('sa-east-1'), regions.join());
      assert.deepStrictEqual(regions, [...regions].sort());
    } finally {
      clients.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("asks in a profile's own region (its partition's EC2), once, and again after a failure", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-explorer-regions-'));
    const simulator = createAwsClients({
      kind: 'simulator',
      stateFile: path.join(dir, 'state.json'),
      pendingDelayMs: 0,
    });
    const askedIn: string[] = [];
    let failNext = true;
    const profileLike = {
      ...simulator,
      homeRegion: async () => 'eu-north-1',
      ec2: async (region: string) => {
        askedIn.push(region);
        if (failNext) {
          failNext = false;
          throw new Error('expired');
        }
        return simulator.ec2(region);
      },
    } as AwsClients;
    try {
      const shown = ShownRegions.of('all', () => profileLike);
      assert.deepStrictEqual(shown.knownRegions, []);
      await assert.rejects(shown.regions(), /expired/);
      const regions = await shown.regions();
      assert.strictEqual(regions.length, 17);
      assert.deepStrictEqual(shown.knownRegions, regions, 'remembered for synchronous readers');
      await shown.regions();
      assert.deepStrictEqual(askedIn, ['eu-north-1', 'eu-north-1'], 'asked again only after the failure');
      const endpoint = ShownRegions.of('all', () => profileLike, 'ap-south-1');
      await endpoint.regions();
      assert.strictEqual(askedIn.at(-1), 'ap-south-1', 'a custom endpoint is asked in its own region');
      assert.deepStrictEqual(await ShownRegions.of(['us-west-2'], () => profileLike).regions(), ['us-west-2']);
      assert.strictEqual(askedIn.length, 3, 'a list is not asked of EC2');
    } finally {
      simulator.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
