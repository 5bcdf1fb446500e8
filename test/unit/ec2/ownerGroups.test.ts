import * as assert from 'assert';
import type { Image } from '@aws-sdk/client-ec2';
import { belongsToGroup, groupSelection, ownerGroupOf } from '../../../src/ec2/ownerGroups';

const ME = '123456789012';
const img = (over: Partial<Image>) => ({ ImageId: 'ami-1', ...over }) as Image;

describe('owner groups', () => {
  it('select server-side with Owners, ExecutableUsers or is-public', () => {
    assert.deepStrictEqual(groupSelection('self'), { Owners: ['self'] });
    assert.deepStrictEqual(groupSelection('shared'), { ExecutableUsers: ['self'] });
    assert.deepStrictEqual(groupSelection('amazon'), { Owners: ['amazon'] });
    assert.deepStrictEqual(groupSelection('marketplace'), { Owners: ['aws-marketplace'] });
    assert.deepStrictEqual(groupSelection('public'), { Filters: [{ Name: 'is-public', Values: ['true'] }] });
  });

  it('drop my own images from "Shared with me" and Amazon, Marketplace and mine from "Other public"', () => {
    assert.ok(!belongsToGroup('shared', img({ OwnerId: ME }), ME));
    assert.ok(belongsToGroup('shared', img({ OwnerId: '210987654321' }), ME));
    assert.ok(!belongsToGroup('public', img({ OwnerId: '137112412989', ImageOwnerAlias: 'amazon' }), ME));
    assert.ok(!belongsToGroup('public', img({ OwnerId: '679593333241', ImageOwnerAlias: 'aws-marketplace' }), ME));
    assert.ok(!belongsToGroup('public', img({ OwnerId: ME, Public: true }), ME));
    assert.ok(belongsToGroup('public', img({ OwnerId: '099720109477', Public: true }), ME));
  });

  it('place any image in the group it is listed under', () => {
    assert.strictEqual(ownerGroupOf(img({ OwnerId: ME, Public: true }), ME), 'self');
    assert.strictEqual(ownerGroupOf(img({ OwnerId: '1', ImageOwnerAlias: 'amazon' }), ME), 'amazon');
    assert.strictEqual(ownerGroupOf(img({ OwnerId: '2', ImageOwnerAlias: 'aws-marketplace' }), ME), 'marketplace');
    assert.strictEqual(ownerGroupOf(img({ OwnerId: '3', Public: true }), ME), 'public');
    assert.strictEqual(ownerGroupOf(img({ OwnerId: '4', Public: false }), ME), 'shared');
  });
});
