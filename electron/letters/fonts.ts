import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

/**
 * The fonts every letter and report embeds: DejaVu Sans (regular and bold), which covers every
 * Latin name we meet (ë, é, ö, ç, ş, ı, ł, ğ, ø …). Found through Node's module resolution, so the
 * same code works under vitest, in the CLI/Electron bundle (CJS, where `require` exists) and in the
 * packaged app (node_modules inside the asar archive, which Electron's fs reads).
 */
export const FONT_FILES = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
} as const;
export type FontName = keyof typeof FONT_FILES;

// `import.meta` is avoided on purpose: esbuild empties it in the CJS bundle. Plain ESM runs (e.g.
// `node --import tsx test/harness/preview.ts`) have no `require`; they resolve from the entry
// script or the working folder instead.
function resolver(): (id: string) => string {
  if (typeof require === 'function') return (id) => require.resolve(id);
  const anchors = [process.argv[1], join(process.cwd(), 'index.js')].filter(
    (a): a is string => !!a,
  );
  return (id) => {
    for (const a of anchors) {
      try {
        return createRequire(resolve(a)).resolve(id);
      } catch {
        // try the next anchor
      }
    }
    throw new Error(`The font ${id} is not installed (npm package dejavu-fonts-ttf).`);
  };
}

const cache = new Map<FontName, string>();
export function fontPath(name: FontName): string {
  let p = cache.get(name);
  if (!p) {
    p = resolver()(FONT_FILES[name]);
    cache.set(name, p);
  }
  return p;
}
