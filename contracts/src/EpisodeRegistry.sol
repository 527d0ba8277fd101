// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

/// @title EpisodeRegistry
/// @notice A batched commitment per epoch of the episodes accepted in it: one Merkle root over
/// (bytes32 manifestHash, address robotSigner) leaves (OpenZeppelin standard tree). Any single episode can
/// then be proven to be in a published batch, signed by the robot that recorded it.
contract EpisodeRegistry is AccessControl {
    bytes32 public constant PUBLISHER_ROLE = keccak256("PUBLISHER_ROLE");

    struct Batch {
        bytes32 root;
        uint32 episodes;
        uint64 committedAt;
    }

    mapping(uint256 epoch => Batch) private _batches;

    event EpisodesCommitted(uint256 indexed epoch, bytes32 root, uint32 episodes);

    error EpochCommitted(uint256 epoch);
    error EmptyBatch();

    constructor(address admin, address publisher) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(PUBLISHER_ROLE, publisher);
    }

    function commit(uint256 epoch, bytes32 root, uint32 episodes) external onlyRole(PUBLISHER_ROLE) {
        if (_batches[epoch].root != bytes32(0)) revert EpochCommitted(epoch);
        if (root == bytes32(0) || episodes == 0) revert EmptyBatch();
        _batches[epoch] = Batch({root: root, episodes: episodes, committedAt: uint64(block.timestamp)});
        emit EpisodesCommitted(epoch, root, episodes);
    }

    function batch(uint256 epoch) external view returns (Batch memory) {
        return _batches[epoch];
    }

    function isCommitted(uint256 epoch, bytes32 manifestHash, address robotSigner, bytes32[] calldata proof) external view returns (bool) {
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(manifestHash, robotSigner))));
        return MerkleProof.verifyCalldata(proof, _batches[epoch].root, leaf);
    }
}
