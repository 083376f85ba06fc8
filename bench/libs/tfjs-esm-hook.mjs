// A module resolve hook for the tfjs child: tfjs-core's ES module files (dist/*.js) import
// each other without file extensions (written for bundlers), which Node's ES module
// resolver refuses. This retries such relative imports with '.js' or '/index.js'.
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (e) {
    const fromTfjs = context.parentURL !== undefined && context.parentURL.includes('/@tensorflow/tfjs-core/dist/');
    if (!fromTfjs || !specifier.startsWith('.')) throw e;
    for (const suffix of ['.js', '/index.js']) {
      try {
        return await next(specifier + suffix, context);
      } catch {
        // try the next form
      }
    }
    throw e;
  }
}
