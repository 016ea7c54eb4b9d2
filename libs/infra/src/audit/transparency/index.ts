// The pure core of the verifiable audit log (§1.15): RFC 9162 Merkle tree, RFC 8785 record bytes,
// C2SP signed checkpoints. No I/O here; the writer, the sealer and REST build on these.
export { canonicalBytes, CanonicalizationError, toCanonicalValue, type CanonicalValue } from './canonical';
export {
  checkpointJson,
  CheckpointError,
  formatCheckpoint,
  parseAndVerifyCheckpoint,
  signCheckpoint,
  type Checkpoint,
  type CheckpointJson,
  type VerifiedCheckpoint,
} from './checkpoint';
export { keyId, loadPrivateKey, loadPublicKey, rawPublicKey, verifierKey } from './checkpoint-keys';
export { appendLeaves, EMPTY_RANGE, rangeRoot, type CompactRange, type NodeSink } from './compact-range';
export { consistencyProof, EMPTY_ROOT, HASH_SIZE, inclusionProof, leafHash, memoryNodeReader, nodeHash, nodesNeeded, rootHash, type NodeReader } from './merkle';
export { verifyConsistency, verifyInclusion } from './merkle-verify';
