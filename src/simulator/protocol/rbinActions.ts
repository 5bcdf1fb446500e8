import { Ec2Error, errors } from '../errors';
import { checkPageRequest, paginate } from '../models/paging';
import {
  binOf,
  RULE_RESOURCE_TYPES,
  type ResourceTagMatch,
  type RetentionRule,
  type RuleResourceType,
} from '../models/recycleBin';
import type { Tag } from '../models/types';
import { json, type JsonAnswer, type JsonContext, type JsonService } from './jsonProtocol';

/**
 * Amazon Recycle Bin (`rbin`, REST-JSON, API version 2021-06-15): retention rules, with the
 * members, limits and status codes of its model (CreateRule 201, DeleteRule 204, errors
 * ValidationException 400, ResourceNotFoundException 404). Rule locks (LockRule, UnlockRule,
 * LockConfiguration) are not simulated and are refused by name.
 */

const RULE_ID = /^[0-9a-zA-Z]{11}$/;
const DESCRIPTION = /^[\S ]{0,255}$/;
const MAX_RESOURCE_TAGS = 50;
const MAX_EXCLUDE_TAGS = 5;

function ruleArn(ctx: JsonContext, id: string): string {
  return `arn:aws:rbin:${ctx.region}:${ctx.account.accountId}:rule/${id}`;
}

function resourceType(value: string | undefined, member: string): RuleResourceType {
  if (value === undefined) throw errors.jsonValidation('null', member, 'Member must not be null');
  if (!(RULE_RESOURCE_TYPES as readonly string[]).includes(value)) {
    throw errors.jsonValidation(
      value,
      member,
      `Member must satisfy enum value set: [${RULE_RESOURCE_TYPES.join(', ')}]`,
    );
  }
  if (value === 'EBS_VOLUME') throw errors.rbinUnsupported('Retention rules for EBS volumes');
  return value as RuleResourceType;
}

function retentionDays(body: Record<string, unknown>): number | undefined {
  const period = json.object(body, 'RetentionPeriod');
  if (!period) return undefined;
  const value = json.number(period, 'RetentionPeriodValue');
  const unit = json.string(period, 'RetentionPeriodUnit');
  if (value === undefined || !Number.isInteger(value) || value < 1 || value > 3650) {
    throw errors.jsonValidation(
      String(value),
      'retentionPeriod.retentionPeriodValue',
      'Member must have value between 1 and 3650',
    );
  }
  if (unit !== 'DAYS') {
    throw errors.jsonValidation(
      String(unit),
      'retentionPeriod.retentionPeriodUnit',
      'Member must satisfy enum value set: [DAYS]',
    );
  }
  return value;
}

function tagMatches(body: Record<string, unknown>, name: string, max: number): ResourceTagMatch[] | undefined {
  const list = json.array(body, name);
  if (!list) return undefined;
  if (list.length > max) {
    throw errors.jsonValidation(`[${list.length} tags]`, name, `Member must have length less than or equal to ${max}`);
  }
  return list.map((item) => {
    const o = (item ?? {}) as Record<string, unknown>;
    const key = json.string(o, 'ResourceTagKey');
    if (!key || key.length > 128)
      throw errors.jsonValidation(
        String(key),
        `${name}.member.resourceTagKey`,
        'Member must have length between 1 and 128',
      );
    const value = json.string(o, 'ResourceTagValue');
    if (value !== undefined && value.length > 256) {
      throw errors.jsonValidation(
        value,
        `${name}.member.resourceTagValue`,
        'Member must have length less than or equal to 256',
      );
    }
    return value === undefined ? { key } : { key, value };
  });
}

function tags(body: Record<string, unknown>): Tag[] | undefined {
  const list = json.array(body, 'Tags');
  if (!list) return undefined;
  return list.map((item) => {
    const o = (item ?? {}) as Record<string, unknown>;
    const key = json.string(o, 'Key');
    const value = json.string(o, 'Value');
    if (!key || key.length > 128)
      throw errors.jsonValidation(String(key), 'tags.member.key', 'Member must have length between 1 and 128');
    if (value === undefined || value.length > 256) {
      throw errors.jsonValidation(
        String(value),
        'tags.member.value',
        'Member must have length less than or equal to 256',
      );
    }
    return { key, value };
  });
}

function description(body: Record<string, unknown>): string | undefined {
  const d = json.string(body, 'Description');
  if (d !== undefined && !DESCRIPTION.test(d)) {
    throw errors.jsonValidation(d, 'description', 'Member must satisfy regular expression pattern: ^[\\S ]{0,255}$');
  }
  return d;
}

const renderMatches = (matches: readonly ResourceTagMatch[]) =>
  matches.map((m) =>
    m.value === undefined ? { ResourceTagKey: m.key } : { ResourceTagKey: m.key, ResourceTagValue: m.value },
  );

/** The members GetRule, CreateRule and UpdateRule share. */
function renderRule(ctx: JsonContext, r: RetentionRule) {
  return {
    Identifier: r.identifier,
    Description: r.description ?? '',
    ResourceType: r.resourceType,
    RetentionPeriod: { RetentionPeriodValue: r.retentionDays, RetentionPeriodUnit: 'DAYS' },
    ResourceTags: renderMatches(r.resourceTags),
    ExcludeResourceTags: renderMatches(r.excludeResourceTags),
    // New rules are usable at once in the simulator (EC2 may report `pending` briefly: unverified).
    Status: 'available',
    LockState: 'unlocked',
    RuleArn: ruleArn(ctx, r.identifier),
  };
}

function rules(ctx: JsonContext) {
  return binOf(ctx.world.region(ctx.region)).rules;
}

function ownRule(ctx: JsonContext, id: string): RetentionRule {
  if (!RULE_ID.test(id))
    throw errors.jsonValidation(id, 'identifier', 'Member must satisfy regular expression pattern: [0-9a-zA-Z]{11}');
  const rule = rules(ctx)[id];
  if (!rule || rule.accountId !== ctx.account.accountId) throw errors.rbinRuleNotFound(id);
  return rule;
}

function refuseLocks(body: Record<string, unknown>): void {
  if (body.LockConfiguration !== undefined) throw errors.rbinUnsupported('LockConfiguration (rule locks)');
}

/** Region-level rules only may exclude tags (CreateRule ExcludeResourceTags). */
function checkExclusions(resourceTags: readonly ResourceTagMatch[], exclude: readonly ResourceTagMatch[]): void {
  if (resourceTags.length > 0 && exclude.length > 0) {
    throw errors.jsonValidation(
      'ExcludeResourceTags',
      'excludeResourceTags',
      'Member can be specified only for Region-level retention rules (without ResourceTags)',
    );
  }
}

function createRule(ctx: JsonContext): JsonAnswer {
  const b = ctx.request.body;
  refuseLocks(b);
  const days = retentionDays(b);
  if (days === undefined) throw errors.jsonValidation('null', 'retentionPeriod', 'Member must not be null');
  const type = resourceType(json.string(b, 'ResourceType'), 'resourceType');
  const resourceTags = tagMatches(b, 'ResourceTags', MAX_RESOURCE_TAGS) ?? [];
  const exclude = tagMatches(b, 'ExcludeResourceTags', MAX_EXCLUDE_TAGS) ?? [];
  checkExclusions(resourceTags, exclude);
  const rule: RetentionRule = {
    identifier: newRuleId(ctx),
    accountId: ctx.account.accountId,
    description: description(b),
    resourceType: type,
    retentionDays: days,
    resourceTags,
    excludeResourceTags: exclude,
    tags: tags(b) ?? [],
    createdAt: ctx.world.clock.now(),
  };
  rules(ctx)[rule.identifier] = rule;
  ctx.world.markChanged();
  return {
    status: 201,
    body: { ...renderRule(ctx, rule), Tags: rule.tags.map((t) => ({ Key: t.key, Value: t.value })) },
  };
}

/** 11 letters and digits (the model's RuleIdentifier), deterministic like every simulator id. */
function newRuleId(ctx: JsonContext): string {
  return ctx.world.newId('rule').slice('rule-'.length, 'rule-'.length + 11);
}

function listRules(ctx: JsonContext): JsonAnswer {
  const b = ctx.request.body;
  const type = resourceType(json.string(b, 'ResourceType'), 'resourceType');
  const wanted = tagMatches(b, 'ResourceTags', MAX_RESOURCE_TAGS) ?? [];
  const excluded = tagMatches(b, 'ExcludeResourceTags', MAX_EXCLUDE_TAGS) ?? [];
  const lockState = json.string(b, 'LockState');
  const r = { maxResults: json.number(b, 'MaxResults'), nextToken: json.string(b, 'NextToken') };
  if (r.maxResults !== undefined && (r.maxResults < 1 || r.maxResults > 1000)) {
    throw errors.jsonValidation(String(r.maxResults), 'maxResults', 'Member must have value between 1 and 1000');
  }
  try {
    checkPageRequest('rbin-rules', r, 1, 1000);
  } catch (e) {
    if (e instanceof Ec2Error) throw errors.rbinInvalidToken();
    throw e;
  }
  const same = (a: readonly ResourceTagMatch[], b: readonly ResourceTagMatch[]) =>
    b.every((m) => a.some((x) => x.key === m.key && x.value === m.value));
  const matching = Object.values(rules(ctx)).filter(
    (rule) =>
      rule.accountId === ctx.account.accountId &&
      rule.resourceType === type &&
      (lockState === undefined || lockState === 'unlocked') &&
      same(rule.resourceTags, wanted) &&
      same(rule.excludeResourceTags, excluded),
  );
  const { page, nextToken } = paginate('rbin-rules', matching, (rule) => rule.identifier, r);
  return {
    status: 200,
    body: {
      Rules: page.map((rule) => ({
        Identifier: rule.identifier,
        Description: rule.description ?? '',
        RetentionPeriod: { RetentionPeriodValue: rule.retentionDays, RetentionPeriodUnit: 'DAYS' },
        LockState: 'unlocked',
        RuleArn: ruleArn(ctx, rule.identifier),
        ExcludeResourceTags: renderMatches(rule.excludeResourceTags),
      })),
      NextToken: nextToken,
    },
  };
}

function updateRule(ctx: JsonContext, id: string): JsonAnswer {
  const rule = ownRule(ctx, id);
  const b = ctx.request.body;
  refuseLocks(b);
  const days = retentionDays(b);
  const type = b.ResourceType === undefined ? undefined : resourceType(json.string(b, 'ResourceType'), 'resourceType');
  const d = description(b);
  const resourceTags = tagMatches(b, 'ResourceTags', MAX_RESOURCE_TAGS);
  const exclude = tagMatches(b, 'ExcludeResourceTags', MAX_EXCLUDE_TAGS);
  checkExclusions(resourceTags ?? rule.resourceTags, exclude ?? (resourceTags?.length ? [] : rule.excludeResourceTags));
  if (days !== undefined) rule.retentionDays = days;
  if (type !== undefined) rule.resourceType = type;
  if (d !== undefined) rule.description = d;
  if (resourceTags !== undefined) rule.resourceTags = resourceTags;
  if (exclude !== undefined) rule.excludeResourceTags = exclude;
  ctx.world.markChanged();
  return { status: 200, body: renderRule(ctx, rule) };
}

function deleteRule(ctx: JsonContext, id: string): JsonAnswer {
  ownRule(ctx, id);
  delete rules(ctx)[id];
  ctx.world.markChanged();
  return { status: 204 };
}

function ruleOfArn(ctx: JsonContext, arn: string): RetentionRule {
  const match = /^arn:aws:rbin:([a-z0-9-]+):(\d{12}):rule\/([0-9a-zA-Z]{11})$/.exec(arn);
  if (!match)
    throw errors.jsonValidation(
      arn,
      'resourceArn',
      'Member must satisfy regular expression pattern: ^arn:\\S+:rbin:[a-z\\-0-9]{0,63}:[0-9]{12}:rule/[0-9a-zA-Z]{11}{0,1011}$',
    );
  if (match[1] !== ctx.region || match[2] !== ctx.account.accountId) throw errors.rbinRuleNotFound(match[3]);
  return ownRule(ctx, match[3]);
}

function tagResource(ctx: JsonContext, arn: string): JsonAnswer {
  const rule = ruleOfArn(ctx, arn);
  const added = tags(ctx.request.body);
  if (!added) throw errors.jsonValidation('null', 'tags', 'Member must not be null');
  for (const t of added) {
    const existing = rule.tags.find((x) => x.key === t.key);
    if (existing) existing.value = t.value;
    else rule.tags.push(t);
  }
  ctx.world.markChanged();
  return { status: 201, body: {} };
}

function untagResource(ctx: JsonContext, arn: string): JsonAnswer {
  const rule = ruleOfArn(ctx, arn);
  const keys = ctx.request.query.getAll('tagKeys');
  rule.tags = rule.tags.filter((t) => !keys.includes(t.key));
  ctx.world.markChanged();
  return { status: 204 };
}

function listTags(ctx: JsonContext, arn: string): JsonAnswer {
  const rule = ruleOfArn(ctx, arn);
  return { status: 200, body: { Tags: rule.tags.map((t) => ({ Key: t.key, Value: t.value })) } };
}

type Route = [method: string, path: RegExp, handler: (ctx: JsonContext, param: string) => JsonAnswer];

/** The model's HTTP bindings (method and request URI of each operation). */
const ROUTES: readonly Route[] = [
  ['POST', /^\/rules$/, createRule],
  ['POST', /^\/list-rules$/, listRules],
  ['GET', /^\/rules\/([^/]+)$/, (ctx, id) => ({ status: 200, body: renderRule(ctx, ownRule(ctx, id)) })],
  ['PATCH', /^\/rules\/([^/]+)$/, updateRule],
  ['DELETE', /^\/rules\/([^/]+)$/, deleteRule],
  ['POST', /^\/tags\/([^/]+)$/, tagResource],
  ['GET', /^\/tags\/([^/]+)$/, listTags],
  ['DELETE', /^\/tags\/([^/]+)$/, untagResource],
];

const REASONS: Record<string, string> = {
  ValidationException: 'INVALID_PARAMETER_VALUE',
  ResourceNotFoundException: 'RULE_NOT_FOUND',
};

/** A path parameter decoded; malformed percent-encoding stays as sent, so the member's pattern refuses it. */
function pathParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export const rbinService: JsonService = {
  contentType: 'application/json',
  handle(ctx) {
    const { method, path } = ctx.request;
    for (const [m, pattern, handler] of ROUTES) {
      const match = pattern.exec(path);
      if (m === method && match) return handler(ctx, match[1] === undefined ? '' : pathParam(match[1]));
    }
    throw errors.unknownOperation(`${method} ${path}`);
  },
  errorFields(error): Record<string, string> {
    const reason = error.message === 'The pagination token is invalid.' ? 'INVALID_PAGE_TOKEN' : REASONS[error.code];
    return reason ? { Message: error.message, Reason: reason } : { Message: error.message };
  },
};
