//! Shared helpers of the runtime integration tests: externalities built from a genesis preset.

#![allow(dead_code)]

use doid_primitives::{
	AssetInfo, CertificateIssuer, Digest, ElementKind, Issuance, Material, MaterialKind, Roles,
	SubjectRole,
};
use doid_runtime::{
	genesis_config_presets, BuildStorage, Runtime, RuntimeGenesisConfig, RuntimeOrigin, Subjects,
};
use frame_support::assert_ok;
use sp_keyring::Sr25519Keyring::{Bob, Charlie, Dave, Eve, Ferdie};

/// The Beijing exchange of the local preset (Bob operates it).
pub const BJ: u32 = 2;
use frame_support::traits::OnInitialize;

/// Test externalities with the genesis of the named preset (`development`, `local_testnet`,
/// `production`).
pub fn ext_from_preset(preset: &str) -> sp_io::TestExternalities {
	let patch = genesis_config_presets::get_preset(&preset.into()).expect("known preset");
	let mut config =
		serde_json::to_value(RuntimeGenesisConfig::default()).expect("default genesis");
	let patch: serde_json::Value = serde_json::from_slice(&patch).expect("preset JSON");
	merge(&mut config, patch);
	let config: RuntimeGenesisConfig = serde_json::from_value(config).expect("genesis config");
	let storage = config.build_storage().expect("genesis storage");
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| doid_runtime::System::set_block_number(1));
	ext
}

fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			}
		}
		(base, patch) => *base = patch,
	}
}

/// Run `on_initialize` of every pallet for the next `blocks` blocks.
pub fn advance_blocks(blocks: u32) {
	for _ in 0..blocks {
		let next = doid_runtime::System::block_number() + 1;
		doid_runtime::System::set_block_number(next);
		doid_runtime::AllPalletsWithSystem::on_initialize(next);
	}
}

/// Verified subjects, applications, certificates and an anchor, so that random ids find records.
pub fn seeded_local() -> sp_io::TestExternalities {
	let mut ext = ext_from_preset("local_testnet");
	ext.execute_with(|| {
		pallet_calendar::StartDate::<Runtime>::put(doid_primitives::Date::new(2026, 3, 2).unwrap());
		advance_blocks(1);
		let subjects = [
			(Eve, &[SubjectRole::DataSupplier, SubjectRole::DataMerchant][..]),
			(Charlie, &[SubjectRole::DataSupplier][..]),
			(Ferdie, &[SubjectRole::ServiceAgency][..]),
			(Dave, &[SubjectRole::Notary, SubjectRole::Arbitrator][..]),
		];
		for (i, (who, roles)) in subjects.into_iter().enumerate() {
			let id = pallet_subjects::NextSubjectId::<Runtime>::get();
			assert_ok!(Subjects::register_subject(
				RuntimeOrigin::signed(who.to_account_id()),
				BJ,
				pallet_subjects::IdentityInput::Organisation {
					uscc: doid_primitives::Uscc::synthetic(800 + i as u32)
						.as_bytes()
						.to_vec()
						.try_into()
						.unwrap(),
					name: "北京测试数据科技有限公司".as_bytes().to_vec().try_into().unwrap(),
				},
				[i as u8 + 1; 32],
			));
			assert_ok!(Subjects::verify_subject(
				RuntimeOrigin::signed(Bob.to_account_id()),
				id,
				Roles::from_roles(roles)
			));
		}
		// Applications 1 and 2 by Eve (subject 1), issued as certificates 1 and 2; anchor 1.
		for seed in 1..=2u32 {
			let application = pallet_registration::Application {
				kind: ElementKind::DataResource,
				info: AssetInfo::longest_sample(true),
				content_digest: Digest::synthetic(0x70, seed),
				inputs: Default::default(),
				services: Default::default(),
				materials: vec![Material {
					kind: MaterialKind::SourceProof,
					digest: Digest::synthetic(0x71, seed),
				}]
				.try_into()
				.unwrap(),
				prior_registrations: Default::default(),
				declarations: Default::default(),
			};
			assert_ok!(doid_runtime::Registration::submit(
				RuntimeOrigin::signed(Eve.to_account_id()),
				BJ,
				application.clone(),
			));
			doid_runtime::Certificates::issue(Issuance {
				application: seed.into(),
				registry: BJ,
				holder: 1,
				kind: ElementKind::DataResource,
				content_digest: application.content_digest,
				info: application.info,
				inputs: Default::default(),
				materials: application.materials,
				prior_registrations: Default::default(),
			})
			.expect("issued");
		}
		assert_ok!(doid_runtime::Evidence::anchor(
			RuntimeOrigin::signed(Eve.to_account_id()),
			Digest::synthetic(0x72, 1),
			pallet_evidence::EvidenceKind::Contract,
			None,
			None
		));
	});
	ext.commit_all().unwrap();
	ext
}
