// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {MerkleProof} from "@openzeppelin/contracts/utils/cryptography/MerkleProof.sol";

/// @title DatasetRegistry
/// @notice One ERC-721 token per published dataset version: its Merkle root over the version's files
/// (OpenZeppelin standard leaves of (string path, uint256 size, bytes32 sha256)), the hash of its manifest,
/// where to get it, its license, its price in the reward token (0 = open) and the version it follows.
/// Buying access to a priced version pays the reward pool (and an optional fee), records the buyer and the
/// purpose they declared, and emits an event the hub's download service and the contributors can see.
contract DatasetRegistry is ERC721, AccessControl {
    using SafeERC20 for IERC20;

    bytes32 public constant PUBLISHER_ROLE = keccak256("PUBLISHER_ROLE");
    uint16 public constant MAX_FEE_BPS = 2000;

    struct DatasetVersion {
        bytes32 merkleRoot;
        bytes32 manifestHash;
        uint256 price;
        uint256 parent;
        address minter;
        uint64 mintedAt;
        string uri;
        string license;
    }

    IERC20 public immutable paymentToken;
    address public rewardPool;
    address public feeRecipient;
    uint16 public feeBps;
    uint256 public nextTokenId = 1;

    mapping(uint256 tokenId => DatasetVersion) private _versions;
    mapping(uint256 tokenId => mapping(address buyer => bool)) private _access;

    event DatasetPublished(
        uint256 indexed tokenId, uint256 indexed parent, address indexed minter, bytes32 merkleRoot, bytes32 manifestHash, uint256 price, string uri, string license
    );
    event AccessPurchased(uint256 indexed tokenId, address indexed buyer, uint256 paid, uint256 fee, string purpose);
    event FeeChanged(address recipient, uint16 feeBps);

    error UnknownDataset(uint256 tokenId);
    error UnknownParent(uint256 parent);
    error ZeroRoot();
    error OpenDataset(uint256 tokenId);
    error AlreadyBought(uint256 tokenId, address buyer);
    error FeeTooHigh(uint16 feeBps);
    error EmptyPurpose();

    constructor(IERC20 paymentToken_, address rewardPool_, address admin, address publisher) ERC721("Teleop Hub Dataset", "TELEOPDS") {
        paymentToken = paymentToken_;
        rewardPool = rewardPool_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(PUBLISHER_ROLE, publisher);
    }

    /// @notice Mints the token of a dataset version to `to` (its curator).
    function publish(address to, bytes32 merkleRoot, bytes32 manifestHash, string calldata uri, string calldata license, uint256 price, uint256 parent)
        external
        onlyRole(PUBLISHER_ROLE)
        returns (uint256 tokenId)
    {
        if (merkleRoot == bytes32(0)) revert ZeroRoot();
        if (parent != 0 && _versions[parent].minter == address(0)) revert UnknownParent(parent);
        tokenId = nextTokenId++;
        _versions[tokenId] = DatasetVersion({
            merkleRoot: merkleRoot,
            manifestHash: manifestHash,
            price: price,
            parent: parent,
            minter: msg.sender,
            mintedAt: uint64(block.timestamp),
            uri: uri,
            license: license
        });
        _safeMint(to, tokenId);
        emit DatasetPublished(tokenId, parent, msg.sender, merkleRoot, manifestHash, price, uri, license);
    }

    /// @notice Pays the price of a priced version (approve the token first) and records access for the caller.
    function buyAccess(uint256 tokenId, string calldata purpose) external {
        DatasetVersion storage v = _versions[tokenId];
        if (v.minter == address(0)) revert UnknownDataset(tokenId);
        if (v.price == 0) revert OpenDataset(tokenId);
        if (_access[tokenId][msg.sender]) revert AlreadyBought(tokenId, msg.sender);
        if (bytes(purpose).length == 0) revert EmptyPurpose();
        _access[tokenId][msg.sender] = true;
        uint256 fee = (v.price * feeBps) / 10_000;
        if (fee > 0) paymentToken.safeTransferFrom(msg.sender, feeRecipient, fee);
        paymentToken.safeTransferFrom(msg.sender, rewardPool, v.price - fee);
        emit AccessPurchased(tokenId, msg.sender, v.price, fee, purpose);
    }

    function hasAccess(uint256 tokenId, address who) external view returns (bool) {
        DatasetVersion storage v = _versions[tokenId];
        if (v.minter == address(0)) return false;
        return v.price == 0 || _access[tokenId][who];
    }

    function version(uint256 tokenId) external view returns (DatasetVersion memory) {
        if (_versions[tokenId].minter == address(0)) revert UnknownDataset(tokenId);
        return _versions[tokenId];
    }

    /// @notice Whether a file (path, size, sha256) belongs to a version, by its Merkle proof.
    function verifyFile(uint256 tokenId, string calldata path, uint256 size, bytes32 sha256Digest, bytes32[] calldata proof) external view returns (bool) {
        bytes32 leaf = keccak256(bytes.concat(keccak256(abi.encode(path, size, sha256Digest))));
        return MerkleProof.verifyCalldata(proof, _versions[tokenId].merkleRoot, leaf);
    }

    function setFee(address recipient, uint16 bps) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (bps > MAX_FEE_BPS) revert FeeTooHigh(bps);
        feeRecipient = recipient;
        feeBps = bps;
        emit FeeChanged(recipient, bps);
    }

    function tokenURI(uint256 tokenId) public view override returns (string memory) {
        _requireOwned(tokenId);
        return _versions[tokenId].uri;
    }

    function supportsInterface(bytes4 interfaceId) public view override(ERC721, AccessControl) returns (bool) {
        return super.supportsInterface(interfaceId);
    }
}
