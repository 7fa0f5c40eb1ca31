// Types for llmsize (bindings/js/llmsize.js). Byte and token counts are numbers, exact: a
// figure beyond 2^53 raises LlmsizeOverflowError. Integer inputs accept number or bigint.

export type Int = number | bigint;
export type Outcome = 'starts' | 'refuses' | 'out_of_memory' | 'offloads';
export type Verdict = 'unknown' | 'allowed' | 'allowed_with_obligations' | 'not_allowed';

export interface Counts { byComponent: Record<string, number>; total: number; active: number; }
export interface Params extends Counts { text: number; }
export interface Weights extends Counts { fileBytes: number; }

export interface Model {
  readonly id: string; readonly name: string; readonly family: string; readonly developer: string;
  readonly country: string; readonly released: string; readonly license: string; readonly hfRepos: string[];
  readonly source: string; readonly flags: number;
  readonly vocab: number; readonly hidden: number; readonly layers: number; readonly heads: number;
  readonly kvHeads: number; readonly headDim: number; readonly ffn: number; readonly maxCtx: number;
  readonly contextWindow: number; readonly attnKind: number; readonly attnWindow: number; readonly attnGlobalEvery: number;
  readonly mlaKvLoraRank: number; readonly moeExperts: number; readonly moeActive: number;
  readonly publishedParams: number; readonly publishedSource: string | null; readonly checkpointBytes: number;
  readonly checkpointFormat: string; readonly params: Params;
}
export interface GPU {
  readonly id: string; readonly name: string; readonly vendor: string; readonly aliases: string | null;
  readonly memBytes: number; readonly memGiB: number; readonly usablePct: number;
  readonly hwClass: 'datacenter' | 'consumer' | 'apple' | 'unified' | 'cpu';
  readonly bwGbs: number; readonly bf16Tflops: number; readonly fp8Tflops: number; readonly fp4Tflops: number;
  readonly int8Tops: number; readonly source: string; readonly memoryOptions: string | null;
}
export interface Format {
  readonly id: string; readonly name: string; readonly kind: number; readonly bits: number;
  readonly notes: string | null; readonly source: string | null;
}
/** splitsLayers: the GPUs hold consecutive layers and run them in turn (llama.cpp's -sm layer,
 *  Ollama): any number of them, one sequence at one GPU's bandwidth; else tensor parallel. */
export interface Engine { readonly id: string; readonly name: string; readonly splitsLayers: boolean; readonly releases: { version: string; date: string }[]; }
export interface Resolution {
  readonly model: Model; readonly format: string | null; readonly deployedFormat: string | null;
  readonly how: 'id' | 'repo' | 'release' | 'quantized' | 'derived' | 'ollama' | 'gguf_file' | string;
  readonly formatFrom: string; readonly matched: string | null; readonly source: string | null;
}

export interface FitRequest {
  model: string | Model; gpu: string | GPU; gpus?: Int; format?: string | Format;
  /** tokens per sequence; 0 or absent: the engine's default */
  context?: Int; seqs?: Int; maxSeqs?: Int;
  /** 'vllm', 'sglang', 'llama.cpp', 'ollama', 'trtllm', optionally '@version' ('vllm@0.8') */
  engine?: string; engineVersion?: string; kvDtype?: string; memFraction?: number; tightPct?: Int;
}
export interface Suggestion { readonly format: string | null; readonly gpus: number; readonly context: number; readonly seqs: number; }
export interface Fit {
  readonly model: string; readonly format: string; readonly gpu: string; readonly engine: string; readonly engineVersion: string;
  readonly fits: boolean; readonly tight: boolean; readonly refused: boolean; readonly loads: boolean; readonly outcome: Outcome;
  readonly weightBytes: number; readonly kvBytes: number; readonly activationBytes: number; readonly overheadBytes: number;
  readonly totalBytes: number; readonly usableBytes: number; readonly headroomBytes: number;
  readonly hostWeightBytes: number; readonly hostKvBytes: number; readonly context: number; readonly seqs: number;
  readonly cacheCells: number; readonly swaCells: number; readonly kvPoolBytes: number; readonly kvCapacityTokens: number;
  readonly kvBlocks: number; readonly maxConcurrency: number; readonly maxContext: number;
  readonly refusalNeeded: number; readonly refusalAvailable: number; readonly gpus: number; readonly gpuLayers: number;
  readonly decodeTps: number;
  /** where published measurements fall: 10th / 90th percentile of measured / predicted, as tok/s */
  readonly decodeTpsLow: number; readonly decodeTpsHigh: number;
  readonly maxSeqs: number; readonly suggestion: Suggestion | null;
  /** planFromArgs: the command's flags llmsize does not model (the first few) */
  readonly ignoredFlags?: readonly string[];
}
export interface SpeedRequest {
  model: string | Model; gpu: string | GPU; gpus?: Int; format?: string | Format; kvDtype?: string;
  context?: Int; seqs?: Int; prompt?: Int; gen?: Int;
}
export interface Speed {
  readonly model: string; readonly format: string; readonly gpu: string;
  readonly decodeTps: number; readonly decodeTpsLow: number; readonly decodeTpsHigh: number; readonly decodeTpsTotal: number;
  readonly ttftS: number; readonly e2eS: number; readonly bytesPerStep: number; readonly computeBound: number;
}
export interface Quality {
  readonly metric: 'none' | 'ppl' | 'accuracy' | 'native'; readonly confidence: string;
  readonly lossPct: number; readonly lossLowPct: number; readonly lossHighPct: number; readonly kld: number;
  readonly note: string | null; readonly source: string | null;
}
export interface Use {
  commercial?: boolean; mau?: Int; mauAtRelease?: Int; revenueUsd?: number; eu?: boolean; multimodal?: boolean;
  redistribute?: boolean; offered?: boolean; trainOnOutputs?: boolean;
}
export interface Finding { readonly verdict: Verdict; readonly license: string; readonly text: string; readonly clause: string | null; }
export interface LicenseCheck { readonly verdict: Verdict; readonly reasons: Finding[]; readonly obligations: Finding[]; }
export interface PlanOptions { gpu: string | GPU; gpus?: Int; env?: Record<string, string>; engineVersion?: string; }

export interface Llmsize {
  readonly version: string; readonly dataVersion: string;
  readonly outcomes: string[]; readonly verdicts: string[]; readonly components: string[]; readonly kvDtypes: string[];
  readonly engineIds: string[];
  models(): Model[]; gpus(): GPU[]; formats(): Format[]; engines(): Engine[];
  resolve(name: string, options?: { engine?: string }): Resolution;
  model(name: string | Model, options?: { engine?: string }): Model;
  gpu(name: string | GPU): GPU;
  format(name: string | Format): Format;
  params(model: string | Model): Params;
  weights(model: string | Model, format?: string | Format): Weights;
  kvBytes(model: string | Model, options: { context: Int; seqs?: Int; kvDtype?: string }): number;
  quality(model: string | Model, format: string | Format): Quality;
  license(model: string | Model, use?: string | Use): LicenseCheck;
  speed(request: SpeedRequest): Speed;
  fit(request: FitRequest): Fit;
  maxContext(request: FitRequest): number;
  maxSeqs(request: FitRequest): number;
  minGpus(request: FitRequest, maxGpus?: Int): number;
  planFromArgs(args: string | string[], options: PlanOptions): Fit;
  suggest(table: 'models' | 'gpus' | 'formats' | 'kvDtypes' | 'licenses' | 'engines', query: string): string[];
}

export function load(source?: BufferSource | Response | string | URL | Promise<Response>): Promise<Llmsize>;
export function loadSync(bytes?: BufferSource): Llmsize;
export function splitCommand(line: string): string[];
export const GIB: number;

export class LlmsizeError extends Error { readonly status: string; }
export class UnknownNameError extends LlmsizeError { readonly kind: string; readonly query: string; readonly suggestions: string[]; }
export class UnknownModelError extends UnknownNameError {}
export class AmbiguousModelError extends UnknownModelError {}
export class UnknownGPUError extends UnknownNameError {}
export class AmbiguousGPUError extends UnknownGPUError {}
export class UnknownFormatError extends UnknownNameError {}
export class UnknownKVDtypeError extends UnknownNameError {}
export class UnknownEngineError extends UnknownNameError {}
export class UnknownEngineVersionError extends UnknownNameError {}
export class UnknownLicenseError extends UnknownNameError {}
export class InvalidArgumentError extends LlmsizeError {}
export class InvalidModelError extends LlmsizeError {}
export class ParseError extends LlmsizeError { readonly flag: string; }
export class UnsupportedError extends LlmsizeError {}
export class LlmsizeOverflowError extends LlmsizeError {}
