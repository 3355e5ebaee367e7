//! Machine-dependent weight constants, measured on the 2-core reference machine by
//! `scripts/benchmark-machine.sh` (the node's `benchmark storage` and `benchmark overhead`
//! commands; figures in `docs/performance.md`). The pallets' call weights are in each pallet's
//! `weights.rs` (`scripts/benchmark.sh`) and count storage accesses with these constants.

pub mod block_weights;
pub mod extrinsic_weights;
// Generated: the field doc comments of `RuntimeDbWeight` trigger `unused_doc_comments`.
#[allow(unused_doc_comments)]
pub mod rocksdb_weights;

pub use block_weights::BlockExecutionWeight;
/// The measured cost of one signed `System.remark` in a block of them (`benchmark overhead`
/// writes it as `ExtrinsicBaseWeight`): signature check, every transaction extension, dispatch.
pub use extrinsic_weights::ExtrinsicBaseWeight as SignedRemarkWeight;
pub use rocksdb_weights::constants::RocksDbWeight;

use crate::Runtime;
use frame_support::{parameter_types, weights::Weight};

/// Storage reads and writes that the transaction extensions' weights count for a signed
/// extrinsic: `CheckGenesis` (block hash 0) 1 read, `CheckMortality` (block hash) 1 read,
/// `CheckNonce` (account) 1 read + 1 write, `ChargeTransactionPayment` (account) 1 read +
/// 1 write, `WeightReclaim` (extrinsic weight) 1 read + 1 write. Checked against the runtime's
/// `TxExtension` by the test below.
const EXTENSION_READS: u64 = 5;
const EXTENSION_WRITES: u64 = 3;

/// The computation (storage accesses excluded) that the weights of the transaction extensions
/// charge for a signed extrinsic.
pub fn extensions_computation() -> Weight {
	use frame_system::ExtensionsWeightInfo as _;
	use pallet_transaction_payment::WeightInfo as _;
	type System = <Runtime as frame_system::Config>::ExtensionsWeightInfo;
	type Payment = <Runtime as pallet_transaction_payment::Config>::WeightInfo;
	let charged = [
		System::check_non_zero_sender(),
		System::check_spec_version(),
		System::check_tx_version(),
		System::check_genesis(),
		System::check_mortality_mortal_transaction(),
		System::check_nonce(),
		System::check_weight(),
		Payment::charge_transaction_payment(),
		System::weight_reclaim(),
	]
	.into_iter()
	.fold(Weight::zero(), Weight::saturating_add);
	charged.saturating_sub(RocksDbWeight::get().reads_writes(EXTENSION_READS, EXTENSION_WRITES))
}

parameter_types! {
	/// The base weight of every extrinsic: the measured signed remark ([`SignedRemarkWeight`])
	/// without the extensions' computation, because every extrinsic is also charged the
	/// extensions' own weights — otherwise that computation is counted twice (polkadot-sdk issue
	/// 9981). Their storage accesses stay counted in full: the overhead benchmark signs every
	/// remark with one account, so it paid them warm, while the extension weights count them
	/// cold.
	pub ExtrinsicBaseWeight: Weight =
		SignedRemarkWeight::get().saturating_sub(extensions_computation());
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::{RuntimeCall, TxExtension};
	use sp_runtime::{generic::Era, traits::TransactionExtension};

	fn signed_extensions() -> TxExtension {
		(
			frame_system::CheckNonZeroSender::new(),
			frame_system::CheckSpecVersion::new(),
			frame_system::CheckTxVersion::new(),
			frame_system::CheckGenesis::new(),
			frame_system::CheckEra::from(Era::mortal(256, 0)),
			frame_system::CheckNonce::from(0),
			frame_system::CheckWeight::new(),
			pallet_transaction_payment::ChargeTransactionPayment::from(0),
			frame_metadata_hash_extension::CheckMetadataHash::new(false),
			frame_system::WeightReclaim::new(),
		)
	}

	#[test]
	fn extension_weight_is_computation_plus_the_counted_storage_accesses() {
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
		let charged = signed_extensions().weight(&remark);
		let storage = RocksDbWeight::get().reads_writes(EXTENSION_READS, EXTENSION_WRITES);
		// Compute time only: the base weight has no proof size to subtract from.
		assert_eq!(charged.ref_time(), extensions_computation().saturating_add(storage).ref_time());
		assert!(extensions_computation().ref_time() > 0);
	}

	#[test]
	fn base_weight_is_the_signed_remark_without_the_extensions_computation() {
		let base = ExtrinsicBaseWeight::get();
		assert!(base.ref_time() > 0 && base.ref_time() < SignedRemarkWeight::get().ref_time());
		assert_eq!(
			base.ref_time() + extensions_computation().ref_time(),
			SignedRemarkWeight::get().ref_time()
		);
	}
}
