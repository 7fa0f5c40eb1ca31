// Compiled by `tsc --noEmit` (make js-test): the declarations describe what the package exports.
import llmsize, { load, UnknownModelError, type Fit, type Llmsize } from 'llmsize';

async function main(): Promise<void> {
  const ls: Llmsize = await load();
  const fit: Fit = ls.fit({ model: 'meta-llama/Llama-3.1-8B-Instruct', gpu: 'rtx 4090', engine: 'vllm', context: 32768n });
  const gib: number = fit.kvPoolBytes / llmsize.GIB;
  const outcome: 'starts' | 'refuses' | 'out_of_memory' | 'offloads' = fit.outcome;
  const flags: readonly string[] | undefined = ls.planFromArgs('vllm serve x', { gpu: 'h100' }).ignoredFlags;
  try { ls.model('llama-3.1-9b'); } catch (e) { if (e instanceof UnknownModelError) console.log(e.suggestions.join(), gib, outcome, flags); }
}
void main();
