import { errors } from '../errors';
import { publicParameters, type PublicParameter } from '../models/publicParameters';
import { json, type JsonAnswer, type JsonContext, type JsonService } from './jsonProtocol';

/**
 * AWS Systems Manager (`ssm`, JSON 1.1, `X-Amz-Target: AmazonSSM.<Operation>`): the read
 * operations of the public parameters under `/aws/service/`. Members and limits from the SSM
 * model (botocore `ssm/2014-11-06`): GetParameters takes 1-10 names; GetParametersByPath
 * MaxResults 1-10. Parameters of the account itself (PutParameter…) are not simulated.
 */

function render(ctx: JsonContext, p: PublicParameter) {
  return {
    Name: p.name,
    Type: 'String',
    Value: p.value,
    Version: p.version,
    // JSON 1.1 timestamps are epoch seconds.
    LastModifiedDate: p.lastModified / 1000,
    // Public parameters have no account in their ARN.
    ARN: `arn:aws:ssm:${ctx.region}::parameter${p.name}`,
    // The data type AMI parameters carry is unverified (`text` is the default; `aws:ec2:image` exists).
    DataType: 'text',
  };
}

function refuseUnsupported(body: Record<string, unknown>, names: readonly string[]): void {
  for (const name of names) {
    if (body[name] !== undefined) throw errors.jsonValidation(String(name), name, 'not supported by the simulator');
  }
}

function getParameter(ctx: JsonContext): JsonAnswer {
  const b = ctx.request.body;
  json.bool(b, 'WithDecryption');
  const name = json.string(b, 'Name');
  if (!name) throw errors.jsonValidation('null', 'name', 'Member must not be null');
  const p = publicParameters(ctx.world, ctx.region).get(name);
  if (!p) throw errors.ssmParameterNotFound();
  return { status: 200, body: { Parameter: render(ctx, p) } };
}

function getParameters(ctx: JsonContext): JsonAnswer {
  const b = ctx.request.body;
  json.bool(b, 'WithDecryption');
  const names = (json.array(b, 'Names') ?? []).map(String);
  if (names.length < 1 || names.length > 10) {
    throw errors.jsonValidation(
      `[${names.join(', ')}]`,
      'names',
      'Member must have length less than or equal to 10 and greater than or equal to 1',
    );
  }
  const table = publicParameters(ctx.world, ctx.region);
  const found = [...new Set(names)].filter((n) => table.has(n));
  return {
    status: 200,
    body: {
      Parameters: found.map((n) => render(ctx, table.get(n)!)),
      InvalidParameters: [...new Set(names)].filter((n) => !table.has(n)),
    },
  };
}

function getParametersByPath(ctx: JsonContext): JsonAnswer {
  const b = ctx.request.body;
  refuseUnsupported(b, ['ParameterFilters']);
  json.bool(b, 'WithDecryption');
  const path = json.string(b, 'Path');
  if (!path || !path.startsWith('/')) {
    throw errors.jsonValidation(String(path), 'path', 'Member must begin with /');
  }
  const recursive = json.bool(b, 'Recursive') ?? false;
  const max = json.number(b, 'MaxResults') ?? 10;
  if (!Number.isInteger(max) || max < 1 || max > 10) {
    throw errors.jsonValidation(String(max), 'maxResults', 'Member must have value less than or equal to 10');
  }
  const token = json.string(b, 'NextToken');
  const prefix = path.endsWith('/') ? path : path + '/';
  const names = [...publicParameters(ctx.world, ctx.region).keys()]
    .filter((n) => n.startsWith(prefix) && (recursive || !n.slice(prefix.length).includes('/')))
    .sort();
  let start = 0;
  if (token !== undefined) {
    const decoded = Buffer.from(token, 'base64').toString('utf8');
    const match = /^ssm-path:(\d+)$/.exec(decoded);
    if (!match) throw errors.ssmInvalidNextToken();
    start = Number(match[1]);
  }
  const page = names.slice(start, start + max);
  const table = publicParameters(ctx.world, ctx.region);
  const next = start + max < names.length ? Buffer.from(`ssm-path:${start + max}`).toString('base64') : undefined;
  return { status: 200, body: { Parameters: page.map((n) => render(ctx, table.get(n)!)), NextToken: next } };
}

const OPERATIONS: Readonly<Record<string, (ctx: JsonContext) => JsonAnswer>> = {
  GetParameter: getParameter,
  GetParameters: getParameters,
  GetParametersByPath: getParametersByPath,
};

export const ssmService: JsonService = {
  contentType: 'application/x-amz-json-1.1',
  handle(ctx) {
    const target = ctx.request.headers['x-amz-target'] ?? '';
    const operation = target.startsWith('AmazonSSM.') ? target.slice('AmazonSSM.'.length) : '';
    const handler = Object.prototype.hasOwnProperty.call(OPERATIONS, operation) ? OPERATIONS[operation] : undefined;
    if (!handler) throw errors.unknownOperation(target || '(no X-Amz-Target)');
    return handler(ctx);
  },
};
