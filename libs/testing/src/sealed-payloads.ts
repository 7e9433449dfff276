/**
 * The product's payload codec, for specs that replay or record sealed histories: workflow specs may not import
 * @dandang/sealing themselves, and must read histories as the worker does.
 */
export { SEALED_PAYLOAD_ENCODING, parseMasterKeys, sealedDataConverter, type MasterKeys } from '@dandang/sealing';
