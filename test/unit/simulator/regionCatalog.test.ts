import * as assert from 'assert';
import {
  DescribeImagesCommand,
  paginateDescribeImages,
  type DescribeImagesCommandInput,
  type Image,
} from '@aws-sdk/client-ec2';
import { DEFAULT_SIMULATOR_ACCOUNT, PUBLIC_OWNERS } from '../../../src/simulator/accounts';
import { SIMULATOR_REGIONS } from '../../../src/simulator/regions';
import {
  CATALOG_OWNERS,
  catalogBuildCount,
  catalogSpecsInOnePass,
  forgetStandardCatalogs,
  publicCatalog,
  standardImages,
} from '../../../src/simulator/seed/catalog';
import { buildImage } from '../../../src/simulator/seed/imageBuilder';
import { Prng } from '../../../src/simulator/seed/random';
import { ec2, newSimulator } from './helpers';

const ME = DEFAULT_SIMULATOR_ACCOUNT.accountId;
/** A community owner of every region's catalog (Rocky Linux). */
const COMMUNITY_OWNER = '792107900819';

describe('simulator public catalog, built on demand', () => {
  it('skips random numbers exactly as drawing them would, and a fork draws on its own', () => {
    const drawn = new Prng(42);
    const skipped = new Prng(42);
    for (let i = 0; i < 1000; i++) drawn.next();
    skipped.skip(1000);
    assert.strictEqual(skipped.next(), drawn.next());
    const fork = drawn.fork();
    const expected = [fork.next(), fork.next()];
    assert.deepStrictEqual([drawn.next(), drawn.next()], expected, 'the fork did not move its parent');
  });

  for (const region of ['us-east-1', 'ap-southeast-1']) {
    it(`has the very images one pass over the generator gives in ${region}`, () => {
      assert.deepStrictEqual(standardImages(region), catalogSpecsInOnePass(region).map(buildImage));
    });
  }

  it('scales and trims a catalog as one pass would', function () {
    this.timeout(20_000);
    const standard = standardImages('eu-west-1').length;
    for (const size of [1000, standard + 1500]) {
      assert.deepStrictEqual(
        publicCatalog('eu-west-1', size).all(),
        catalogSpecsInOnePass('eu-west-1', size).map(buildImage),
        `size ${size}`,
      );
    }
  });

  it("builds only the records of the owners a query names: none for the caller's own, Amazon's for Amazon", () => {
    // A scaled catalog is never shared with other tests, so it starts with nothing built.
    const catalog = publicCatalog('us-east-1', 3000);
    assert.deepStrictEqual(catalog.ownedBy(new Set([ME]), new Set()), []);
    assert.strictEqual(catalog.built, 0);
    const amazon = catalog.ownedBy(new Set(), new Set(['amazon']));
    assert.ok(amazon.length > 500, `Amazon images: ${amazon.length}`);
    assert.strictEqual(catalog.built, amazon.length);
    assert.strictEqual(catalog.ownedBy(new Set(), new Set(['amazon'])), amazon, 'remembered');
    // The same records, in the same order, as the whole catalog has.
    assert.deepStrictEqual(
      amazon,
      catalog.all().filter((i) => i.imageOwnerAlias === 'amazon'),
    );
    assert.strictEqual(
      amazon[0],
      catalog.all().find((i) => i.imageOwnerAlias === 'amazon'),
    );
    assert.strictEqual(catalog.built, 3000);
  });

  it('pages in image id order, building only the records a page reads', () => {
    const catalog = publicCatalog('us-east-1', 3000);
    const amazon = { ownerIds: new Set<string>(), aliases: new Set(['amazon']) };
    const view = catalog.inIdOrder(amazon);
    const first = [0, 1, 2, 3, 4].map((p) => view.at(p));
    assert.strictEqual(catalog.built, 5);
    const ids = catalog.ownedBy(amazon.ownerIds, amazon.aliases).map((i) => i.imageId);
    assert.strictEqual(view.length, ids.length);
    assert.deepStrictEqual(
      first.map((i) => i.imageId),
      [...ids].sort().slice(0, 5),
    );
    assert.deepStrictEqual(
      Array.from({ length: view.length }, (_, p) => view.idAt(p)),
      [...ids].sort(),
    );
    const all = catalog.inIdOrder();
    assert.strictEqual(all.length, 3000);
    assert.strictEqual(
      all.at(0),
      catalog.all().reduce((a, b) => (b.imageId < a.imageId ? b : a)),
    );
  });

  it("generates no catalog for a query of the caller's own images, and knows every owner a catalog has", async () => {
    forgetStandardCatalogs();
    const before = catalogBuildCount();
    const own = await ec2(newSimulator(), 'eu-west-1').send(new DescribeImagesCommand({ Owners: ['self'] }));
    assert.ok(own.Images!.length > 0);
    assert.strictEqual(catalogBuildCount(), before, 'region catalogs generated');
    for (const region of SIMULATOR_REGIONS) {
      for (const image of standardImages(region)) {
        assert.ok(
          CATALOG_OWNERS.ownerIds.has(image.ownerId) &&
            (image.imageOwnerAlias === undefined || CATALOG_OWNERS.aliases.has(image.imageOwnerAlias)),
          `${region} ${image.name}: ${image.ownerId} ${image.imageOwnerAlias}`,
        );
      }
    }
  });

  describe('DescribeImages with Owners answers as a filter of the whole listing', () => {
    const sim = newSimulator();
    // A region where the caller owns images, so that Owners self has some to find.
    const client = ec2(sim, 'eu-west-1');

    async function ids(input: DescribeImagesCommandInput): Promise<string[]> {
      const out: string[] = [];
      for await (const page of paginateDescribeImages({ client, pageSize: 1000 }, input)) {
        out.push(...(page.Images ?? []).map((i) => i.ImageId!));
      }
      return out;
    }

    // The whole listing, unpaged and paged (in id order), once for every case.
    let whole: Image[] = [];
    let wholePaged: string[] = [];
    before(async function () {
      this.timeout(20_000);
      whole = (await client.send(new DescribeImagesCommand({}))).Images!;
      wholePaged = await ids({ MaxResults: 1000 });
    });

    const cases: [string, string[], (i: { OwnerId?: string; ImageOwnerAlias?: string }) => boolean][] = [
      ['amazon', ['amazon'], (i) => i.ImageOwnerAlias === 'amazon'],
      [
        'aws-marketplace and Canonical',
        ['aws-marketplace', PUBLIC_OWNERS.canonical],
        (i) => i.ImageOwnerAlias === 'aws-marketplace' || i.OwnerId === PUBLIC_OWNERS.canonical,
      ],
      ['a community account', [COMMUNITY_OWNER], (i) => i.OwnerId === COMMUNITY_OWNER],
      ['self', ['self'], (i) => i.OwnerId === ME],
    ];
    for (const [name, owners, test] of cases) {
      it(`Owners ${name}, paged and unpaged`, async () => {
        const expected = whole.filter(test).map((i) => i.ImageId!);
        assert.ok(expected.length > 0, `${name} has images`);
        const unpaged = await client.send(new DescribeImagesCommand({ Owners: owners }));
        assert.deepStrictEqual(
          unpaged.Images!.map((i) => i.ImageId!),
          expected,
        );
        const selected = new Set(expected);
        const paged = await ids({ Owners: owners, MaxResults: 1000 });
        assert.deepStrictEqual(
          paged,
          wholePaged.filter((id) => selected.has(id)),
        );
      });
    }
  });
});
