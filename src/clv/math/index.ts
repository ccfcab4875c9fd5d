export { logGamma, digamma, logBeta, logAddExp } from './special';
export { hyp2f1 } from './hyp2f1';
