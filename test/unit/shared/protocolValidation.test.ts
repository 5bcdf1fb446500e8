import * as assert from 'assert';
import {
  parseWith,
  readCopyImageMessage,
  readCreateImageMessage,
  readDeregisterMessage,
  readLaunchPermissionsMessage,
} from '../../../src/shared/messageValidation';
import type { CreateImageParams } from '../../../src/shared/protocol/createImage';

const goodCreate = (): CreateImageParams => ({
  name: 'web-1 backup (2026-11-23)',
  description: 'nightly',
  noReboot: false,
  volumes: [{ deviceName: '/dev/xvda', include: true, deleteOnTermination: true }],
  imageTags: [{ key: 'team', value: 'web' }],
  snapshotTags: [],
});

function refused(result: { ok: boolean; reason?: string }, pattern: RegExp): void {
  assert.strictEqual(result.ok, false, 'expected a refusal');
  assert.match((result as { reason: string }).reason, pattern);
}

describe('webview message validation (host side)', () => {
  it('accepts the well-formed messages of every panel', () => {
    assert.deepStrictEqual(parseWith(readCreateImageMessage, { type: 'ready' }), {
      ok: true,
      value: { type: 'ready' },
    });
    const submit = { type: 'submit', requestId: 'r-1', params: goodCreate() };
    assert.deepStrictEqual(parseWith(readCreateImageMessage, submit), { ok: true, value: submit });
    assert.ok(
      parseWith(readDeregisterMessage, {
        type: 'submit',
        requestId: 'a1',
        params: { imageIds: ['ami-0123456789abcdef0'], deleteSnapshots: true, confirmed: true },
      }).ok,
    );
    assert.ok(
      parseWith(readLaunchPermissionsMessage, {
        type: 'submit',
        requestId: 'a1',
        params: {
          isPublic: false,
          accounts: ['123456789012'],
          organizations: ['arn:aws:organizations::123456789012:organization/o-exampleorgid'],
          organizationalUnits: [],
        },
      }).ok,
    );
    assert.ok(
      parseWith(readLaunchPermissionsMessage, { type: 'loadFrom', requestId: 'x', imageId: 'ami-12345678' }).ok,
    );
    assert.ok(
      parseWith(readCopyImageMessage, {
        type: 'submit',
        requestId: 'c',
        params: {
          destinationRegion: 'eu-west-1',
          name: 'copy of web',
          description: '',
          encrypted: true,
          kmsKeyId: 'alias/backups',
          copyImageTags: true,
          acknowledgeUnknownPublisher: false,
        },
      }).ok,
    );
    assert.ok(parseWith(readCopyImageMessage, { type: 'copyId', id: 'ami-0123456789abcdef0' }).ok);
  });

  it('refuses messages that are not objects or have an unknown type', () => {
    for (const hostile of [null, undefined, 42, 'ready', [], [{ type: 'ready' }]]) {
      refused(parseWith(readCreateImageMessage, hostile), /must be an object/);
    }
    refused(parseWith(readCreateImageMessage, { type: 'deleteEverything' }), /unknown type "deleteEverything"/);
    refused(
      parseWith(readCreateImageMessage, { type: 'loadFrom', requestId: 'x', imageId: 'ami-12345678' }),
      /unknown type/,
    );
    refused(parseWith(readCreateImageMessage, { type: 42 }), /unknown type number/);
    refused(parseWith(readCreateImageMessage, { type: '__proto__' }), /unknown type/);
    refused(parseWith(readCreateImageMessage, { type: 'toString' }), /unknown type/);
  });

  it('refuses extra and missing fields', () => {
    refused(parseWith(readCreateImageMessage, { type: 'ready', command: 'x' }), /unexpected field command/);
    const { noReboot: _dropped, ...missing } = goodCreate();
    refused(
      parseWith(readCreateImageMessage, { type: 'submit', requestId: 'r', params: missing }),
      /missing the field "noReboot"/,
    );
    refused(
      parseWith(readCreateImageMessage, {
        type: 'submit',
        requestId: 'r',
        params: { ...goodCreate(), instanceId: 'i-0' },
      }),
      /unexpected field instanceId/,
    );
  });

  it('refuses wrong types, with the path of the field', () => {
    refused(
      parseWith(readCreateImageMessage, {
        type: 'submit',
        requestId: 'r',
        params: { ...goodCreate(), noReboot: 'true' },
      }),
      /message\.params\.noReboot must be true or false, not string/,
    );
    // An existing volume keeps its size and type (CreateImage changes only DeleteOnTermination).
    const volumes = [{ ...goodCreate().volumes[0], sizeGiB: 16 }];
    refused(
      parseWith(readCreateImageMessage, { type: 'submit', requestId: 'r', params: { ...goodCreate(), volumes } }),
      /volumes\[0\] has unexpected field sizeGiB/,
    );
    const retyped = [{ ...goodCreate().volumes[0], volumeType: 'io2' }];
    refused(
      parseWith(readCreateImageMessage, {
        type: 'submit',
        requestId: 'r',
        params: { ...goodCreate(), volumes: retyped },
      }),
      /volumes\[0\] has unexpected field volumeType/,
    );
  });

  it('refuses oversized strings and lists before looking at their content', () => {
    refused(
      parseWith(readCreateImageMessage, {
        type: 'submit',
        requestId: 'r',
        params: { ...goodCreate(), name: 'a'.repeat(1_000_000) },
      }),
      /name is too long \(1000000 characters, at most 128\)/,
    );
    refused(
      parseWith(readCreateImageMessage, { type: 'submit', requestId: 'r'.repeat(65), params: goodCreate() }),
      /requestId is too long/,
    );
    const many = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: '' }));
    refused(
      parseWith(readCreateImageMessage, {
        type: 'submit',
        requestId: 'r',
        params: { ...goodCreate(), imageTags: many },
      }),
      /imageTags has too many entries \(51, at most 50\)/,
    );
  });

  it('applies the rules of validation.ts: names, tags, account ids, ARNs, regions, KMS keys', () => {
    const sub = (params: object) => ({ type: 'submit', requestId: 'r', params });
    refused(
      parseWith(readCreateImageMessage, sub({ ...goodCreate(), name: 'my<script>' })),
      /"<" is not allowed in an AMI name/,
    );
    refused(
      parseWith(readCreateImageMessage, sub({ ...goodCreate(), imageTags: [{ key: 'aws:secret', value: '' }] })),
      /reserved for AWS/,
    );
    refused(
      parseWith(
        readCreateImageMessage,
        sub({
          ...goodCreate(),
          imageTags: [
            { key: 'a', value: '' },
            { key: 'a', value: 'b' },
          ],
        }),
      ),
      /same tag key twice/,
    );
    const perms = { isPublic: false, accounts: ['12345678901'], organizations: [], organizationalUnits: [] };
    refused(parseWith(readLaunchPermissionsMessage, sub(perms)), /exactly 12 digits/);
    refused(
      parseWith(readLaunchPermissionsMessage, sub({ ...perms, accounts: ['123456789012', '123456789012'] })),
      /repeated entries/,
    );
    refused(
      parseWith(
        readLaunchPermissionsMessage,
        sub({ ...perms, accounts: [], organizations: ['arn:aws:iam::123456789012:root'] }),
      ),
      /organization ARN looks like/,
    );
    const copy = {
      destinationRegion: 'mars-1',
      name: 'abc',
      description: '',
      encrypted: false,
      kmsKeyId: '',
      copyImageTags: false,
      acknowledgeUnknownPublisher: false,
    };
    refused(parseWith(readCopyImageMessage, sub(copy)), /not a region name/);
    refused(
      parseWith(readCopyImageMessage, sub({ ...copy, destinationRegion: 'us-west-2', destinationConnection: 7 })),
      /destinationConnection/,
    );
    assert.ok(
      parseWith(
        readCopyImageMessage,
        sub({ ...copy, destinationRegion: 'us-west-2', destinationConnection: 'partner' }),
      ).ok,
      'a destination connection is optional, and a string',
    );
    refused(
      parseWith(readCopyImageMessage, sub({ ...copy, destinationRegion: 'us-west-2', kmsKeyId: 'alias/x' })),
      /only be given when the copy is encrypted/,
    );
    refused(
      parseWith(
        readCopyImageMessage,
        sub({ ...copy, destinationRegion: 'us-west-2', encrypted: true, kmsKeyId: 'not a key' }),
      ),
      /KMS key/,
    );
  });

  it('refuses a deregistration without explicit confirmation or without images', () => {
    const sub = (params: object) => ({ type: 'submit', requestId: 'r', params });
    refused(
      parseWith(readDeregisterMessage, sub({ imageIds: ['ami-12345678'], deleteSnapshots: true, confirmed: false })),
      /explicit confirmation/,
    );
    refused(
      parseWith(readDeregisterMessage, sub({ imageIds: ['ami-12345678'], deleteSnapshots: true, confirmed: 'yes' })),
      /explicit confirmation/,
    );
    refused(
      parseWith(readDeregisterMessage, sub({ imageIds: [], deleteSnapshots: true, confirmed: true })),
      /at least one image/,
    );
    refused(
      parseWith(readDeregisterMessage, sub({ imageIds: ['ami-*'], deleteSnapshots: true, confirmed: true })),
      /not an AMI id/,
    );
    // The in-use acknowledgement is optional, a boolean when given; nothing else is added.
    const base = { imageIds: ['ami-12345678'], deleteSnapshots: true, confirmed: true };
    const plain = parseWith(readDeregisterMessage, sub(base));
    assert.ok(plain.ok && plain.value.type === 'submit' && plain.value.params.confirmedInUse === false);
    const acknowledged = parseWith(readDeregisterMessage, sub({ ...base, confirmedInUse: true }));
    assert.ok(acknowledged.ok && acknowledged.value.type === 'submit' && acknowledged.value.params.confirmedInUse);
    refused(parseWith(readDeregisterMessage, sub({ ...base, confirmedInUse: 'yes' })), /confirmedInUse/);
    refused(parseWith(readDeregisterMessage, sub({ ...base, force: true })), /unexpected field/);
    // Related links: only instance, AMI and launch template ids, and a region.
    assert.ok(
      parseWith(readDeregisterMessage, {
        type: 'revealRelated',
        kind: 'instance',
        id: 'i-0123456789abcdef0',
        region: 'us-east-1',
      }).ok,
    );
    refused(
      parseWith(readDeregisterMessage, {
        type: 'revealRelated',
        kind: 'volume',
        id: 'i-0123456789abcdef0',
        region: 'us-east-1',
      }),
      /kind/,
    );
    refused(
      parseWith(readDeregisterMessage, { type: 'copyRelatedId', id: 'arn:aws:iam::1:root' }),
      /not an AMI, instance/,
    );
  });

  it('refuses objects that are not plain (prototype tricks)', () => {
    const evil = Object.create({ polluted: true }) as Record<string, unknown>;
    evil.type = 'ready';
    refused(parseWith(readCreateImageMessage, evil), /plain object/);
    const viaJson = JSON.parse('{"type":"ready","__proto__":{"isAdmin":true}}') as unknown;
    refused(parseWith(readCreateImageMessage, viaJson), /unexpected field __proto__/);
  });
});
