//! Building signed transactions natively (node benchmarks, end-to-end tests, tools).
//!
//! Only the standard transaction extensions are used, in the order of [`crate::TxExtension`].

use crate::{
	configs::BlockHashCount, Hash, Runtime, RuntimeCall, Signature, SignedPayload, TxExtension,
	UncheckedExtrinsic, VERSION,
};
use codec::Encode;
use sp_core::{sr25519, Pair};
use sp_runtime::generic::Era;

/// What a signer must know of the chain to sign a transaction.
#[derive(Clone, Copy, Debug)]
pub struct ChainContext {
	/// Hash of the genesis block.
	pub genesis_hash: Hash,
	/// Hash of the block the mortality period starts at.
	pub best_hash: Hash,
	/// Number of that block.
	pub best_number: u32,
	/// Runtime spec version the transaction is for.
	pub spec_version: u32,
	/// Runtime transaction version the transaction is for.
	pub transaction_version: u32,
}

impl ChainContext {
	/// A context for the runtime compiled into this binary.
	pub fn new(genesis_hash: Hash, best_hash: Hash, best_number: u32) -> Self {
		Self {
			genesis_hash,
			best_hash,
			best_number,
			spec_version: VERSION.spec_version,
			transaction_version: VERSION.transaction_version,
		}
	}
}

/// The standard extensions for a transaction with `nonce` and `tip`, mortal from the context's
/// best block.
pub fn tx_extension(context: &ChainContext, nonce: u32, tip: u128) -> TxExtension {
	let period = BlockHashCount::get().checked_next_power_of_two().map(|c| c / 2).unwrap_or(2);
	(
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(Era::mortal(
			period as u64,
			context.best_number as u64,
		)),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(tip),
		frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
		frame_system::WeightReclaim::<Runtime>::new(),
	)
}

/// Sign `call` with `signer` (sr25519) and return the extrinsic.
pub fn sign(
	call: RuntimeCall,
	signer: &sr25519::Pair,
	nonce: u32,
	context: &ChainContext,
) -> UncheckedExtrinsic {
	let extension = tx_extension(context, nonce, 0);
	let payload = SignedPayload::from_raw(
		call.clone(),
		extension.clone(),
		(
			(),
			context.spec_version,
			context.transaction_version,
			context.genesis_hash,
			context.best_hash,
			(),
			(),
			(),
			None,
			(),
		),
	);
	let signature = payload.using_encoded(|bytes| signer.sign(bytes));
	UncheckedExtrinsic::new_signed(
		call,
		sp_runtime::AccountId32::from(signer.public()).into(),
		Signature::Sr25519(signature),
		extension,
	)
}
