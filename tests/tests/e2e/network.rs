//! Permissioned networking (issue 13, item 4): the four validators of `local` run with
//! `--reserved-only` and list each other (and an authorised court verifier) as reserved peers,
//! as the README's "Restricting the network to authorised nodes" describes. The authorised
//! verifier syncs and follows finality; an outsider that knows a validator's address (given as
//! its bootnode) gets no peer and stays at genesis while the consortium finalizes blocks.

use doid_e2e::*;
use serde_json::json;
use std::time::Duration;

const MINUTE: Duration = Duration::from_secs(60);

fn reserved_only(spec: NodeSpec) -> NodeSpec {
	NodeSpec { extra_args: vec!["--reserved-only".into()], ..spec }
}

/// `node` accepts `peer` (a multiaddress with its peer id) as a reserved peer.
fn authorise(node: &Node, peer: &str) {
	let _: serde_json::Value =
		node.rpc().call("system_addReservedPeer", json!([peer])).expect("system_addReservedPeer");
}

#[test]
fn only_authorised_nodes_join_the_consortium_network() {
	let mut validators = vec![Node::start(reserved_only(NodeSpec::validator("local", "alice")))];
	let alice = validators[0].multiaddr();
	for key in ["bob", "charlie", "dave"] {
		let spec = reserved_only(NodeSpec::validator("local", key));
		let spec = NodeSpec {
			extra_args: [spec.extra_args, vec!["--reserved-nodes".into(), alice.clone()]].concat(),
			..spec
		};
		validators.push(Node::start(spec));
	}
	let addresses: Vec<String> = validators.iter_mut().map(|n| n.multiaddr()).collect();
	for (i, node) in validators.iter().enumerate() {
		for (j, address) in addresses.iter().enumerate() {
			if i != j {
				authorise(node, address);
			}
		}
	}
	let rpc = validators[0].rpc();
	wait_for(3 * MINUTE, "the consortium to finalize block 2", || {
		(rpc.finalized_number().ok()? >= 2).then_some(())
	});

	// An authorised verifier: listed by Alice, lists Alice.
	let mut verifier = Node::start(NodeSpec {
		extra_args: vec!["--reserved-only".into(), "--reserved-nodes".into(), alice.clone()],
		..NodeSpec::verifier("local", "court-verifier")
	});
	authorise(&validators[0], &verifier.multiaddr());
	// An outsider: knows Alice's address but is authorised by nobody.
	let outsider = Node::start(NodeSpec::verifier("local", "outsider").with_bootnode(&alice));

	let target = rpc.finalized_number().unwrap() + 2;
	let synced = wait_for(2 * MINUTE, "the authorised verifier to follow finality", || {
		let n = verifier.rpc().finalized_number().ok()?;
		(n >= target).then_some(n)
	});
	println!("authorised verifier finalized #{synced}");
	let outsider_rpc = outsider.rpc();
	for _ in 0..20 {
		assert_eq!(outsider_rpc.peers().unwrap(), 0, "an unauthorised node got a peer");
		assert_eq!(outsider_rpc.best_number().unwrap(), 0, "an unauthorised node synced blocks");
		std::thread::sleep(Duration::from_millis(500));
	}
	let consortium = rpc.finalized_number().unwrap();
	println!("outsider: 0 peers, best #0 while the consortium finalized #{consortium}");
	assert!(consortium >= target);
	assert_eq!(validators[0].rpc().peers().unwrap(), 4, "Alice's peers: 3 validators + verifier");
}
