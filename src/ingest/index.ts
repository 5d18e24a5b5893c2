export { type DecodedText, decodeBytes } from './decode-bytes.js';
export { type InputFailure, isInputFailure } from './input-failure.js';
export { type ReadInputsOptions, readInputs, STDIN_INPUT } from './read-inputs.js';
