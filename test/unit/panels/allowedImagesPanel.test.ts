import * as assert from 'assert';
import type { AllowedImagesSettings } from '../../../src/ec2/allowedImages';
import { AllowedImagesPanel } from '../../../src/panels/allowedImagesPanel';
import type { GuardrailServices } from '../../../src/panels/guardrailServices';
import type { AllowedImagesResult } from '../../../src/shared/protocol/allowedImages';
import type { HostMessage } from '../../../src/shared/protocol/envelope';
import { fakeServices } from './fakes';

const criterion = {
  imageProviders: ['amazon'],
  imageNames: [],
  marketplaceProductCodes: [],
  maximumDaysSinceCreated: null,
  maximumDaysSinceDeprecated: null,
};

function panel(settings: AllowedImagesSettings, applied: string[]) {
  const guardrails: GuardrailServices = {
    getAllowedImagesSettings: async () => settings,
    applyAllowedImages: async (_r, criteria, state) => void applied.push(`${state}:${criteria.length}`),
    listInstanceImageMetadata: async () => [],
    loadedImages: () => [{ ImageId: 'ami-0123456789abcdef0', OwnerId: '999999999999', Name: 'x' }],
    retentionRules: async () => [],
    snapshotTags: async () => new Map(),
    allowedImagesChanged: () => undefined,
  };
  return new AllowedImagesPanel('us-east-1', { ...fakeServices(), guardrails });
}

const submit = (action: 'preview' | 'apply', confirmed: boolean, state = 'audit-mode') => ({
  type: 'submit',
  requestId: `r-${action}`,
  params: { action, criteria: [criterion], state, confirmed },
});

describe('Allowed AMIs panel', () => {
  it('is read-only with the reason when a declarative policy manages the setting', async () => {
    const applied: string[] = [];
    const p = panel(
      { state: 'enabled', criteria: [], managedBy: 'declarative-policy', unsupportedConditions: [] },
      applied,
    );
    const init = await p.load();
    assert.match(init.readOnlyReason ?? '', /declarative policy/);
    const preview = p.parse(submit('preview', false));
    assert.ok(preview.ok, 'previewing is still allowed');
    const apply = p.parse(submit('apply', true));
    assert.ok(!apply.ok && /declarative policy/.test(apply.reason));
    assert.deepStrictEqual(applied, []);
  });

  it('applies only the change it previewed, with the confirmation', async () => {
    const applied: string[] = [];
    const p = panel({ state: 'disabled', criteria: [], managedBy: 'account', unsupportedConditions: [] }, applied);
    await p.load();
    assert.ok(!p.parse(submit('apply', true)).ok, 'not previewed yet');
    const posted: HostMessage<unknown, AllowedImagesResult>[] = [];
    const preview = p.parse(submit('preview', false));
    assert.ok(preview.ok);
    await p.handle(preview.value as never, (m) => posted.push(m));
    const result = posted.find((m) => m.type === 'result');
    assert.ok(result?.type === 'result' && result.result.ok && result.result.action === 'preview');
    assert.ok(!p.parse(submit('apply', false)).ok, 'needs the confirmation');
    assert.ok(!p.parse(submit('apply', true, 'enabled')).ok, 'another state than previewed');
    const apply = p.parse(submit('apply', true));
    assert.ok(apply.ok);
    await p.handle(apply.value as never, () => undefined);
    assert.deepStrictEqual(applied, ['audit-mode:1']);
  });

  it('refuses criteria the reference forbids before anything is sent', () => {
    const p = panel({ state: 'disabled', criteria: [], managedBy: 'account', unsupportedConditions: [] }, []);
    const bad = {
      ...submit('preview', false),
      params: { ...submit('preview', false).params, criteria: [{ ...criterion, imageProviders: ['none', 'amazon'] }] },
    };
    const parsed = p.parse(bad);
    assert.ok(!parsed.ok && /cannot be combined/.test(parsed.reason));
  });
});
