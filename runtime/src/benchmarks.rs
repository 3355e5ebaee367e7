//! The pallets whose weights the node's `benchmark pallet` command generates.

frame_benchmarking::define_benchmarks!(
	[frame_benchmarking, BaselineBench::<Runtime>]
	[frame_system, SystemBench::<Runtime>]
	[frame_system_extensions, SystemExtensionsBench::<Runtime>]
	[pallet_balances, Balances]
	[pallet_timestamp, Timestamp]
	[pallet_sudo, Sudo]
	[pallet_collective, Council]
	[pallet_membership, CouncilMembership]
	[pallet_validator_set, ValidatorSet]
	[pallet_calendar, Calendar]
	[pallet_registries, Registries]
	[pallet_subjects, Subjects]
	[pallet_certificates, Certificates]
	[pallet_registration, Registration]
	[pallet_objections, Objections]
	[pallet_evidence, Evidence]
);
