//! Issue 6, acceptance 2: on a four-validator local chain whose calendar day lasts one block
//! (6 s) and starts just before the 2026 Spring Festival, a verified supplier registers a data
//! resource and a compute resource at the Beijing exchange (notice: 10 working days): accept →
//! formal review → substantive review by a service agency → notice → the certificates are issued
//! by the chain itself in the first block after the notice's last day, without any operator call.
//! Then a data product citing both certificates goes through, while a product citing one input,
//! or an input held by another subject without a licence, is refused with its error.

use doid_e2e::{flows::*, *};
use doid_primitives::{ElementKind, SubjectRole};
use doid_runtime::Runtime;
use pallet_registration::Error as RegistrationError;
use sp_keyring::Sr25519Keyring::{Eve, Ferdie, One};
use sp_runtime::DispatchError;

fn module_error(error: RegistrationError<Runtime>) -> DispatchError {
	DispatchError::from(error)
}

#[test]
fn data_resource_to_certificate_and_product_lineage() {
	// One block per calendar day, starting on Tuesday 2026-02-10: the 10-working-day notices
	// cross the weekend and the Spring Festival holidays (with the adjusted working Saturday
	// 2026-02-14).
	let spec = patched_chain_spec("local", "registration", |genesis| {
		genesis["calendar"]["dayLengthMs"] = serde_json::json!(6_000);
		genesis["calendar"]["startDate"] = serde_json::json!("2026-02-10");
	});
	let nodes = start_validators(spec.to_str().expect("UTF-8 path"));
	let rpc = nodes[0].rpc();
	rpc.wait_ready(MINUTE).expect("RPC up");
	wait_for(MINUTE, "block 2", || (rpc.best_number().ok()? >= 2).then_some(()));

	let (eve, ferdie, one) = (Eve.pair(), Ferdie.pair(), One.pair());
	let ids = verified_subjects(
		&rpc,
		&[
			(&eve, "91110108551385082Q", &[SubjectRole::DataSupplier]),
			(&ferdie, "91110000100011743X", &[SubjectRole::ServiceAgency]),
			(&one, "914403001922038216", &[SubjectRole::DataSupplier]),
		],
	);
	let (supplier, agency, other) = (ids[0], ids[1], ids[2]);
	assert!(supplier != agency && agency != other);

	// Round 1: a trainable data resource and a compute resource of Eve, and a compute resource
	// of another supplier, all through review at once.
	let start_block = rpc.best_number().unwrap();
	let resource = submit_application(
		&rpc,
		&eve,
		application(ElementKind::DataResource, "北京市交通流量数据", 1, &[]),
	)
	.expect("data resource submitted");
	let compute = submit_application(
		&rpc,
		&eve,
		application(ElementKind::ComputeResource, "交通算力集群", 2, &[]),
	)
	.expect("compute resource submitted");
	let foreign = submit_application(
		&rpc,
		&one,
		application(ElementKind::ComputeResource, "他人算力", 3, &[]),
	)
	.expect("other supplier's resource submitted");
	let notices = review_all(&rpc, &[resource, compute, foreign], agency, &ferdie);
	let mut last_days = Vec::new();
	for (start, last) in notices {
		// More calendar days than working days: the notice skipped non-working days.
		assert!(
			last.to_day_number() - start.to_day_number() > 10,
			"notice {start:?}..{last:?} crosses non-working days"
		);
		last_days.push(last);
	}
	let resource_cert = wait_for_issue(&rpc, resource, start_block, last_days[0]);
	let compute_cert = wait_for_issue(&rpc, compute, start_block, last_days[1]);
	let foreign_cert = wait_for_issue(&rpc, foreign, start_block, last_days[2]);

	// A product citing one input only is refused, so is one citing another holder's
	// certificate without a licence.
	assert_eq!(
		submit_application(
			&rpc,
			&eve,
			application(ElementKind::DataProduct, "出行指数产品", 10, &[resource_cert]),
		),
		Err(module_error(RegistrationError::ProductNeedsTwoKinds))
	);
	assert_eq!(
		submit_application(
			&rpc,
			&eve,
			application(
				ElementKind::DataProduct,
				"出行指数产品",
				10,
				&[resource_cert, foreign_cert]
			),
		),
		Err(module_error(RegistrationError::InputNotHeldOrLicensed))
	);

	// Round 2: the product citing the data resource and the compute resource goes through.
	let from = rpc.best_number().unwrap();
	let product = submit_application(
		&rpc,
		&eve,
		application(ElementKind::DataProduct, "出行指数产品", 10, &[resource_cert, compute_cert]),
	)
	.expect("product submitted");
	let (_, last) = review_all(&rpc, &[product], agency, &ferdie)[0];
	let product_cert = wait_for_issue(&rpc, product, from, last);
	assert!(![resource_cert, compute_cert, foreign_cert].contains(&product_cert));
}
