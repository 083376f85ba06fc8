/**
 * `@numbat/nn` for Node: everything of the core entry (`index.ts`), plus the live
 * progress bar of `nn.fit` on a terminal (cli-progress, which needs Node's `readline`).
 * Node resolves `import * as nn from '@numbat/nn'` here through the package's `node`
 * export condition; browsers and bundlers get the core, whose `nn.fit` prints one line
 * per epoch (to `console.log` where there is no `process.stdout`). `nn.save` / `nn.load`
 * work here (file I/O through `@numbat/ndarray`'s Node entry) and explain themselves in
 * a browser.
 *
 * @example
 * import * as nn from '@numbat/nn';
 * nn.fit(model, loader, { loss, optimizer, epochs: 10 }); // a bar on a TTY
 */
import { registerBarReporter } from './train/progress.js';
import { BarReporter } from './train/bar.js';

export * from './index.js';

registerBarReporter((stream) => new BarReporter(stream));
