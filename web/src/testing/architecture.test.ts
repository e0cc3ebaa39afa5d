import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

// The app's structure as checks: features never import each other (app/ composes them), shared
// code never imports features, and there are no barrel files.
const src = resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return sourceFiles(path);
    }
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return Array.from(text.matchAll(/(?:from\s+|import\s*\()['"](\.[^'"]+)['"]/g), (m) => resolve(join(file, '..'), m[1]));
}

const featureOf = (path: string) => {
  const parts = relative(src, path).split(sep);
  return parts[0] === 'features' ? parts[1] : undefined;
};

const files = sourceFiles(src).filter((f) => !relative(src, f).startsWith('testing'));

describe('architecture', () => {
  it('has at least the features it is expected to have', () => {
    const features = new Set(files.map(featureOf).filter(Boolean));
    const expected = [
      'admin', 'api-keys', 'auth', 'catalogue', 'coach', 'dashboard', 'exercises', 'health', 'lessons',
      'placement', 'plans', 'practice', 'search', 'skills',
    ];
    expect(expected.filter((feature) => !features.has(feature))).toEqual([]);
  });

  it('keeps features from importing each other', () => {
    const crossings = files.flatMap((file) => {
      const own = featureOf(file);
      return own
        ? importsOf(file)
            .filter((target) => featureOf(target) && featureOf(target) !== own)
            .map((target) => `${relative(src, file)} -> ${relative(src, target)}`)
        : [];
    });
    expect(crossings).toEqual([]);
  });

  it('keeps shared code (components, hooks, lib, config) independent of features and the app', () => {
    const shared = files.filter((f) => /^(components|hooks|lib|config)\b/.test(relative(src, f)));
    const violations = shared.flatMap((file) =>
      importsOf(file)
        .filter((target) => /^(features|app)\b/.test(relative(src, target)))
        .map((target) => `${relative(src, file)} -> ${relative(src, target)}`),
    );
    expect(shared.length).toBeGreaterThan(5);
    expect(violations).toEqual([]);
  });

  it('has no barrel files', () => {
    expect(files.filter((f) => /[/\\]index\.tsx?$/.test(f)).map((f) => relative(src, f))).toEqual([]);
  });
});
