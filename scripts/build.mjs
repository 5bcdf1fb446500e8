#!/usr/bin/env node
// The one esbuild script: extension, simulator CLI, webviews and the integration test suite.
//   node scripts/build.mjs [--production] [--only extension,simulator,webview,tests] [--quiet] [--watch]
// Entries whose source does not exist yet are skipped with a note, so the build works while
// the code base is still being written.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const production = argv.includes('--production');
const watch = argv.includes('--watch');
const quiet = argv.includes('--quiet');
const onlyIdx = argv.indexOf('--only');
const TARGETS = ['extension', 'simulator', 'webview', 'tests'];
const only = onlyIdx >= 0 ? (argv[onlyIdx + 1] ?? '').split(',').filter(Boolean) : TARGETS;
for (const t of only) {
  if (!TARGETS.includes(t)) {
    console.error(`build: unknown target '${t}' (expected ${TARGETS.join('|')})`);
    process.exit(2);
  }
}

const note = (msg) => {
  if (!quiet) console.log(`build: ${msg}`);
};
const rel = (p) => path.relative(ROOT, p);
const exists = (p) => fs.existsSync(path.join(ROOT, p));

/** Files under `dir` (relative to ROOT) whose names pass `test`, recursively. */
function listFiles(dir, test) {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return fs
    .readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && test(d.name))
    .map((d) => rel(path.join(d.parentPath ?? d.path, d.name)))
    .sort();
}

const common = {
  absWorkingDir: ROOT,
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: quiet ? 'error' : 'warning',
  // Class and function names survive bundling in dev builds (readable logs and stack traces).
  keepNames: !production,
};

/**
 * Resolves sdk.ts's `require('./backendModules')`, `require('./serviceModules')` and
 * `require('./simulatorModules')` to the separate bundles dist/backend.js, dist/services.js
 * and dist/simulator.js.
 */
const backendAsSeparateFile = {
  name: 'backend-as-separate-file',
  setup(build) {
    const bundles = {
      './backendModules': './backend.js',
      './serviceModules': './services.js',
      './simulatorModules': './simulator.js',
    };
    build.onResolve({ filter: /^\.\/(backend|service|simulator)Modules$/ }, (args) =>
      args.importer.endsWith(path.join('src', 'aws', 'sdk.ts'))
        ? { path: bundles[args.path], external: true }
        : undefined,
    );
  },
};

/**
 * Lets esbuild drop the SDK's unused shape schemas. A client's `schemas_0.js` describes every
 * operation of its service (1.3 MB for EC2), and a member's traits are written with computed
 * keys of module constants (`{ [_eQN]: "ImageId", [_xN]: _iI }`, `_eQN = "ec2QueryName"`).
 * esbuild keeps any statement with a computed key, so the whole file stayed in dist/backend.js
 * and evaluating it was most of the cold start. Spelling those keys as the constants' string
 * values changes no value, and leaves only the schemas of the commands we import (EC2: ~150 KB).
 */
const sdkSchemasTreeShakable = {
  name: 'sdk-schemas-tree-shakable',
  setup(build) {
    build.onLoad({ filter: /[\\/]@aws-sdk[\\/].*[\\/]dist-es[\\/](.*[\\/])?schemas[\\/]schemas_\d+\.js$/ }, (args) => {
      const text = fs.readFileSync(args.path, 'utf8');
      const strings = new Map(
        [...text.matchAll(/^const (_\w+) = ("[^"\\\n]*");$/gm)].map(([, name, value]) => [name, value]),
      );
      const contents = text.replace(/([{,]\s*)\[(_\w+)\]:/g, (key, before, name) =>
        strings.has(name) ? `${before}${strings.get(name)}:` : key,
      );
      return { contents, loader: 'js' };
    });
  },
};

/** @type {Array<{name: string, options: esbuild.BuildOptions, after?: () => void}>} */
const builds = [];

if (only.includes('extension')) {
  if (exists('src/extension.ts')) {
    // Separate files so activation stays cheap: dist/extension.js (the UI), dist/backend.js
    // (the AWS SDK), dist/services.js (the other services' clients) and dist/simulator.js (the
    // embedded simulator), which src/aws/sdk.ts requires on first use only.
    builds.push({
      name: 'extension',
      options: {
        ...common,
        entryPoints: ['src/extension.ts'],
        outfile: 'dist/extension.js',
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['vscode'],
        mainFields: ['module', 'main'],
        plugins: [backendAsSeparateFile],
        // Lets activate() report how long evaluating this bundle took (the benchmark reads it).
        banner: { js: 'var __amiExplorerLoadStart = performance.now();' },
      },
    });
    // The bundles sdk.ts loads on first use, one Node file each (the SDK's with its unused schemas dropped).
    const lazyBundle = (name, entry, outfile, plugins = []) =>
      builds.push({
        name,
        options: {
          ...common,
          entryPoints: [entry],
          outfile,
          platform: 'node',
          format: 'cjs',
          target: 'node20',
          external: ['vscode'],
          mainFields: ['module', 'main'],
          plugins,
        },
      });
    lazyBundle('backend', 'src/aws/backendModules.ts', 'dist/backend.js', [sdkSchemasTreeShakable]);
    lazyBundle('services', 'src/aws/serviceModules.ts', 'dist/services.js', [sdkSchemasTreeShakable]);
    lazyBundle('simulator bundle', 'src/aws/simulatorModules.ts', 'dist/simulator.js');
  } else note('skip extension: src/extension.ts does not exist yet');
}

if (only.includes('simulator')) {
  if (exists('src/simulator/cli.ts')) {
    builds.push({
      name: 'simulator',
      options: {
        ...common,
        entryPoints: ['src/simulator/cli.ts'],
        outfile: 'dist/simulator-cli.js',
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        banner: { js: '#!/usr/bin/env node' },
      },
      after: () => fs.chmodSync(path.join(ROOT, 'dist/simulator-cli.js'), 0o755),
    });
  } else note('skip simulator: src/simulator/cli.ts does not exist yet');
}

if (only.includes('webview')) {
  const entries = fs.existsSync(path.join(ROOT, 'webview-ui/src'))
    ? fs
        .readdirSync(path.join(ROOT, 'webview-ui/src'))
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
        .map((f) => `webview-ui/src/${f}`)
    : [];
  // Codicons are served from dist/webview/ because localResourceRoots is limited to it.
  const copyCodicons = () => {
    const from = path.join(ROOT, 'node_modules/@vscode/codicons/dist');
    const to = path.join(ROOT, 'dist/webview');
    fs.mkdirSync(to, { recursive: true });
    for (const f of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(path.join(from, f), path.join(to, f));
  };
  if (entries.length === 0) {
    note('no webview entries in webview-ui/src/*.ts yet; copying codicons only');
    builds.push({ name: 'codicons', options: undefined, after: copyCodicons });
  } else {
    builds.push({
      name: 'webview',
      options: {
        ...common,
        entryPoints: entries,
        outdir: 'dist/webview',
        entryNames: '[name]',
        platform: 'browser',
        format: 'esm',
        target: 'es2022',
      },
      after: copyCodicons,
    });
  }
}

if (only.includes('tests') && exists('test/bench/vscode/index.ts')) {
  // The in-VS-Code benchmark (test/bench/bench.ts runs it through scripts/run-integration.mjs).
  builds.push({
    name: 'bench',
    options: {
      ...common,
      entryPoints: ['test/bench/vscode/index.ts'],
      outfile: 'out/test/bench/index.js',
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
    },
  });
}

if (only.includes('tests')) {
  const entries = [
    ...(exists('test/integration/index.ts') ? ['test/integration/index.ts'] : []),
    ...listFiles('test/integration', (n) => n.endsWith('.test.ts')),
  ];
  // A deleted or renamed test must not keep running from a stale bundle.
  fs.rmSync(path.join(ROOT, 'out/test/integration'), { recursive: true, force: true });
  if (entries.length === 0) note('skip tests: no test/integration/index.ts or *.test.ts yet');
  else {
    builds.push({
      name: 'tests',
      options: {
        ...common,
        entryPoints: entries,
        outbase: 'test/integration',
        outdir: 'out/test/integration',
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        // mocha stays external: it is resolved from node_modules at run time, and index.ts
        // and the *.test.ts files must share one mocha instance.
        external: ['vscode', 'mocha'],
        sourcemap: 'inline',
      },
    });
  }
}

const started = Date.now();
let failed = false;
if (production) {
  // Source maps of an earlier dev build must not end up in the package.
  for (const f of listFiles('dist', (n) => n.endsWith('.map'))) fs.rmSync(path.join(ROOT, f));
}
for (const b of builds) {
  const t = Date.now();
  try {
    if (b.options && watch) {
      const ctx = await esbuild.context({ ...b.options, plugins: [watchReporter(b)] });
      await ctx.watch();
      continue;
    }
    if (b.options) await esbuild.build(b.options);
    b.after?.();
    note(`${b.name} built in ${Date.now() - t} ms`);
  } catch (e) {
    failed = true;
    // esbuild already printed its errors; other errors (fs) are printed here.
    if (!e?.errors) console.error(e);
    console.error(`build: ${b.name} FAILED`);
  }
}

/** esbuild plugin that runs `after` and reports each rebuild in --watch mode. */
function watchReporter(b) {
  return {
    name: 'watch-reporter',
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length === 0) b.after?.();
        console.log(
          `[watch] ${b.name}: ${result.errors.length ? `${result.errors.length} error(s)` : 'rebuilt'} ${new Date().toLocaleTimeString()}`,
        );
      });
    },
  };
}

if (watch) {
  console.log('[watch] watching; Ctrl+C to stop');
} else {
  note(`done in ${Date.now() - started} ms${failed ? ' (with failures)' : ''}`);
  process.exit(failed ? 1 : 0);
}
