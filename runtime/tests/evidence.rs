//! Runtime integration (issue 9): `DoidApi::evidence` finds a digest wherever the chain holds it
//! — anchors (first anchoring first), applications (with the digest's role) and certificates
//! (content and material digests); an unknown digest has nothing.

mod common;

use doid_primitives::{
	AssetInfo, CertificateIssuer, Digest, DigestAlgorithm, ElementKind, Issuance, Material,
	MaterialKind, Roles, SubjectRole,
};
use doid_runtime::{doid_api, Evidence, RuntimeOrigin, Subjects};
use frame_support::assert_ok;
use pallet_evidence::EvidenceKind;
use pallet_registration::DigestUse;
use sp_keyring::Sr25519Keyring::{Bob, Eve, One};

/// The Beijing exchange of the local preset (Bob administers it).
const BJ: u32 = 2;

fn verified(who: sp_keyring::Sr25519Keyring, index: u32, roles: &[SubjectRole]) -> u64 {
	let id = pallet_subjects::NextSubjectId::<doid_runtime::Runtime>::get();
	assert_ok!(Subjects::register_subject(
		RuntimeOrigin::signed(who.to_account_id()),
		BJ,
		pallet_subjects::IdentityInput::Organisation {
			uscc: doid_primitives::Uscc::synthetic(index).as_bytes().to_vec().try_into().unwrap(),
			name: "北京测试数据科技有限公司".as_bytes().to_vec().try_into().unwrap(),
		},
		[3; 32],
	));
	assert_ok!(Subjects::verify_subject(
		RuntimeOrigin::signed(Bob.to_account_id()),
		id,
		Roles::from_roles(roles)
	));
	id
}

#[test]
fn evidence_query_finds_anchors_applications_and_certificates() {
	common::ext_from_preset("local_testnet").execute_with(|| {
		// No slot time in these externalities: the calendar stays on its start date.
		pallet_calendar::StartDate::<doid_runtime::Runtime>::put(
			doid_primitives::Date::new(2026, 3, 2).unwrap(),
		);
		common::advance_blocks(1);
		let supplier = verified(Eve, 1, &[SubjectRole::DataSupplier]);
		let buyer = verified(One, 2, &[SubjectRole::DataBuyer]);
		let material = Digest::synthetic(0x51, 1);
		let content = Digest::synthetic(0x52, 1);

		// Two anchors of the material digest: the supplier's first.
		for who in [Eve, One] {
			assert_ok!(Evidence::anchor(
				RuntimeOrigin::signed(who.to_account_id()),
				material,
				EvidenceKind::Material,
				None,
				None
			));
		}
		// An application and a certificate citing it.
		let application = pallet_registration::Application {
			kind: ElementKind::DataResource,
			info: AssetInfo::longest_sample(true),
			content_digest: content,
			inputs: Default::default(),
			services: Default::default(),
			materials: vec![Material { kind: MaterialKind::SourceProof, digest: material }]
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
		let certificate = doid_runtime::Certificates::issue(Issuance {
			application: 1,
			registry: BJ,
			holder: supplier,
			kind: ElementKind::DataResource,
			content_digest: content,
			info: application.info,
			inputs: Default::default(),
			materials: application.materials,
			prior_registrations: Default::default(),
		})
		.expect("issued");

		let view = doid_api::evidence(material);
		assert_eq!(view.anchor_count, 2);
		let subjects: Vec<_> = view.anchors.iter().map(|(_, a)| (a.subject, a.sequence)).collect();
		assert_eq!(subjects, vec![(supplier, 0), (buyer, 1)]);
		assert_eq!(view.applications, vec![(1, DigestUse::Material(MaterialKind::SourceProof))]);
		assert_eq!(view.certificates_by_material, vec![certificate]);
		assert!(view.certificates_by_content.is_empty());

		let by_content = doid_api::evidence(content);
		assert_eq!(by_content.anchor_count, 0);
		assert_eq!(by_content.applications, vec![(1, DigestUse::Content)]);
		assert_eq!(by_content.certificates_by_content, vec![certificate]);

		let unknown = doid_api::evidence(Digest::new(DigestAlgorithm::Blake3, [9; 32]));
		assert_eq!(unknown.anchor_count, 0);
		assert!(unknown.anchors.is_empty() && unknown.applications.is_empty());
		assert!(unknown.certificates_by_material.is_empty());
	});
}
