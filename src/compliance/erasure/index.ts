export { ErasureService, type ErasureDeps } from './erasure.service.js';
export type { ErasureCertificate, ErasureCheck, ErasedDataset } from './erasure-certificate.js';
