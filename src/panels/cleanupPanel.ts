/**
 * Clean Up Images: rules, a dry run, then one confirmed run that deregisters exactly what the dry
 * run showed and deletes the snapshots nothing else uses. Before it changes anything the run
 * plans again from fresh facts and refuses, saying what changed, when the outcome differs.
 */
import * as l10n from '@vscode/l10n';
import type { CleanupPlan } from '../shared/cleanup/engine';
import { readCleanupMessage } from '../shared/cleanup/messages';
import type { CleanupRules } from '../shared/cleanup/rules';
import { DEFAULT_RULES } from '../shared/cleanup/rules';
import { namedRules, readRulesFile, withRuleSet, writeRulesFile } from '../shared/cleanup/rulesFile';
import type { Parsed } from '../shared/messageValidation';
import { parseChecked } from '../shared/messageValidation';
import { counted } from '../shared/plural';
import { formatUsd, monthlySnapshotCost } from '../shared/pricing';
import type {
  CleanupArgs,
  CleanupInit,
  CleanupItemResult,
  CleanupResult,
  CleanupToHost,
  RulesFileState,
} from '../shared/protocol/cleanup';
import type { ReadyMessage } from '../shared/protocol/envelope';
import { planDifferences, planFromEc2 } from './cleanupFacts';
import type { PanelServices } from './panelServices';
import type { PanelController, Post } from './panelSession';

type Msg = CleanupToHost;
type PostResult = Post<CleanupInit, CleanupResult>;

export class CleanupPanel implements PanelController<Msg, CleanupInit, CleanupResult, CleanupArgs> {
  readonly kind = 'cleanup';
  readonly args: CleanupArgs;
  readonly title: string;
  /** The last dry run the webview was shown: the only plan a run may carry out. */
  private last: { id: string; rules: CleanupRules; plan: CleanupPlan } | undefined;
  private counter = 0;

  constructor(
    private readonly region: string,
    private readonly services: PanelServices,
  ) {
    this.args = { kind: 'cleanup', region };
    this.title = l10n.t('Clean Up Images: {0}', region);
  }

  parse(raw: unknown): Parsed<Msg> {
    return parseChecked(readCleanupMessage, raw, (m) => {
      if (m.type !== 'submit') return undefined;
      if (!this.last || this.last.id !== m.params.planId) {
        return l10n.t('this is not the latest dry run of this panel: run the dry run again.');
      }
      if (this.last.plan.removeImageIds.length === 0) return l10n.t('the dry run removes nothing.');
      return undefined;
    });
  }

  async load(): Promise<CleanupInit> {
    return {
      region: this.region,
      defaults: DEFAULT_RULES,
      rulesFile: await this.readRules(),
      pricePerGiBMonth: this.services.cleanup.pricePerGiBMonth(),
    };
  }

  async handle(m: Exclude<Msg, ReadyMessage>, post: PostResult): Promise<void> {
    const reply = (result: CleanupResult) =>
      post({ type: 'result', requestId: m.requestId, result: { ok: true, ...result } });
    switch (m.type) {
      case 'dryRun': {
        post({ type: 'progress', requestId: m.requestId, message: l10n.t('Reading your images in {0}…', this.region) });
        const { plan, ownedImages } = await planFromEc2(this.services, this.region, m.rules);
        reply({ kind: 'dryRun', planId: this.remember(m.rules, plan), plan, ownedImages });
        return;
      }
      case 'reloadRules':
        reply({ kind: 'rules', rulesFile: await this.readRules() });
        return;
      case 'saveRules':
        await this.saveRules(m.name, m.rules, m.requestId, post);
        return;
      case 'submit':
        await this.run(m.requestId, post);
    }
  }

  private remember(rules: CleanupRules, plan: CleanupPlan): string {
    this.counter += 1;
    const id = `plan-${this.counter}`;
    this.last = { id, rules, plan };
    return id;
  }

  private async run(requestId: string, post: PostResult): Promise<void> {
    const reply = (result: CleanupResult) => post({ type: 'result', requestId, result: { ok: true, ...result } });
    const shown = this.last as NonNullable<typeof this.last>; // parse() refuses a submit without it
    post({ type: 'progress', requestId, message: l10n.t('Checking that nothing changed since the dry run…') });
    const fresh = await planFromEc2(this.services, this.region, shown.rules);
    const differences = planDifferences(shown.plan, fresh.plan);
    if (differences.length > 0) {
      reply({ kind: 'changed', differences, planId: this.remember(shown.rules, fresh.plan), ...fresh });
      return;
    }
    const plan = fresh.plan;
    const images = plan.removeImageIds.length;
    const snapshots = plan.deleteSnapshotIds.length;
    const confirmed = await this.services.cleanup.confirm({
      message: l10n.t(
        'Deregister {0} and delete {1} in {2}?',
        counted(images, l10n.t('{0} AMI'), l10n.t('{0} AMIs')),
        counted(snapshots, l10n.t('{0} snapshot'), l10n.t('{0} snapshots')),
        this.region,
      ),
      detail: l10n.t(
        'This saves up to {0} a month of snapshot storage. Deregistered images and deleted snapshots cannot be restored (unless a Recycle Bin rule retains them).',
        formatUsd(plan.savingUsd),
      ),
      confirmLabel: l10n.t('Deregister and Delete'),
    });
    if (!confirmed) {
      reply({ kind: 'cancelled' });
      return;
    }
    this.last = undefined; // a plan is carried out once
    const items = await this.execute(plan, requestId, post);
    this.services.imagesChanged(this.region);
    const deleted = new Set(items.flatMap((i) => i.deletedSnapshotIds));
    const saved = plan.decisions.flatMap((d) => d.snapshots).filter((s) => s.deleted && deleted.has(s.snapshotId));
    reply({
      kind: 'run',
      items,
      savingUsd: monthlySnapshotCost(
        saved.map((s) => s.sizeGiB),
        this.services.cleanup.pricePerGiBMonth(),
      ),
    });
  }

  /** Deregisters every removed image, then deletes each planned snapshot whose images all went. */
  private async execute(plan: CleanupPlan, requestId: string, post: PostResult): Promise<CleanupItemResult[]> {
    const removed = plan.decisions.filter((d) => d.action === 'remove');
    const items = new Map<string, CleanupItemResult>();
    for (const [i, d] of removed.entries()) {
      post({
        type: 'progress',
        requestId,
        message: l10n.t('Deregistering {0} ({1} of {2})…', d.imageId, i + 1, removed.length),
        fraction: i / removed.length,
      });
      const item: CleanupItemResult = {
        imageId: d.imageId,
        deregistered: false,
        deletedSnapshotIds: [],
        keptSnapshots: [],
      };
      try {
        await this.services.ec2.deregisterImage(this.region, d.imageId);
        item.deregistered = true;
      } catch (e) {
        item.error = this.services.explainError(e);
      }
      items.set(d.imageId, item);
    }
    // Snapshots go only after every image is deregistered: two removed images may share one.
    for (const d of removed) {
      const item = items.get(d.imageId) as CleanupItemResult;
      for (const s of d.snapshots) {
        if (!s.deleted) {
          item.keptSnapshots.push({
            snapshotId: s.snapshotId,
            reason: l10n.t('kept: {0}', s.keptBecause ?? l10n.t('still used')),
          });
          continue;
        }
        const failedUsers = removed.filter(
          (o) => !items.get(o.imageId)?.deregistered && o.snapshots.some((x) => x.snapshotId === s.snapshotId),
        );
        if (failedUsers.length > 0) {
          item.keptSnapshots.push({
            snapshotId: s.snapshotId,
            reason: l10n.t(
              'kept: {0} could not be deregistered, so it still uses this snapshot',
              failedUsers.map((o) => o.imageId).join(', '),
            ),
          });
          continue;
        }
        post({ type: 'progress', requestId, message: l10n.t('Deleting {0} of {1}…', s.snapshotId, d.imageId) });
        try {
          await this.services.ec2.deleteSnapshot(this.region, s.snapshotId);
          item.deletedSnapshotIds.push(s.snapshotId);
        } catch (e) {
          item.keptSnapshots.push({ snapshotId: s.snapshotId, reason: this.services.explainError(e).message });
        }
      }
    }
    return removed.map((d) => items.get(d.imageId) as CleanupItemResult);
  }

  private async readRules(): Promise<RulesFileState> {
    const file = await this.services.cleanup.rulesFile.read();
    const base = { location: file.location, writable: file.writable, ruleSets: [] };
    if (file.text === undefined) return base;
    const read = readRulesFile(file.text);
    return read.ok ? { ...base, ruleSets: read.ruleSets } : { ...base, error: `${file.location}, ${read.error}` };
  }

  private async saveRules(name: string, rules: CleanupRules, requestId: string, post: PostResult): Promise<void> {
    const current = await this.readRules();
    const fail = (message: string) => post({ type: 'result', requestId, result: { ok: false, error: { message } } });
    if (!current.writable) return fail(l10n.t('Open a folder to save rules in its .vscode/ami-cleanup.json.'));
    // Never overwrite a file the team wrote that does not read: its other rule sets would be lost.
    if (current.error)
      return fail(l10n.t('The rules file cannot be read, so it is not overwritten: {0}', current.error));
    await this.services.cleanup.rulesFile.write(writeRulesFile(withRuleSet(current.ruleSets, namedRules(name, rules))));
    post({
      type: 'result',
      requestId,
      result: { ok: true, kind: 'rules', rulesFile: await this.readRules(), savedName: name },
    });
  }
}
