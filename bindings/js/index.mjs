// ES-module entry for Node (import llmsize from 'llmsize' / import { load } from 'llmsize').
// Browsers load llmsize.js as a classic script (window.llmsize); see web/index.html.
import llmsize from './llmsize.js';

export const {
  load, loadSync, splitCommand, GIB,
  LlmsizeError, UnknownNameError, UnknownModelError, AmbiguousModelError, UnknownGPUError, AmbiguousGPUError,
  UnknownFormatError, UnknownKVDtypeError, UnknownEngineError, UnknownEngineVersionError, UnknownLicenseError,
  InvalidArgumentError, InvalidModelError, ParseError, UnsupportedError, LlmsizeOverflowError,
} = llmsize;
export default llmsize;
