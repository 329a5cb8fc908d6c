//! Every rule of SPEC §9.2 and §9.3, each with a test that fails if the rule breaks, attacks
//! included; the invariants (`try_state`) are checked at the end of every test.

use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};

use crate::{mock::*, pallet::*, types::*, Event};

mod fuzz;

type E = Error<Test>;

fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Organisations::do_try_state().expect("invariants hold");
	});
}

fn o(name: &str) -> RuntimeOrigin {
	RuntimeOrigin::signed(account(name))
}

fn held(name: &str) -> Balance {
	Balances::balance_on_hold(&HoldReason::Deposit.into(), &account(name))
}

fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

/// Alice's organisation 0, join deposit 15.
fn create() -> OrgId {
	assert_ok!(Organisations::create(o("Alice"), b"Leither".to_vec(), b"leither.org".to_vec(), 15));
	0
}

fn join(org: OrgId, who: &str, role: Role) {
	assert_ok!(Organisations::request_join(o(who), org, role));
	assert_ok!(Organisations::approve_join(o("Alice"), org, account(who)));
}

fn cod() -> OrgId {
	let org = create();
	let keys = CodKeys { modeller: account("Alice"), deployer: account("Bob") };
	assert_ok!(Organisations::set_cod_keys(o("Alice"), org, Some(keys)));
	org
}

#[test]
fn the_creator_is_admin_of_a_public_organisation_with_its_own_account() {
	run(|| {
		let org = create();
		let rec = Organisations::org(org).unwrap();
		assert_eq!(
			(rec.name.to_vec(), rec.info.to_vec()),
			(b"Leither".to_vec(), b"leither.org".to_vec())
		);
		assert_eq!(Organisations::role_of(org, &account("Alice")), Some(Role::Admin));
		assert_eq!(rec.account, Organisations::org_account(org));
		assert_ne!(Organisations::org_account(0), Organisations::org_account(1));
		assert_eq!(held("Alice"), ORG_DEPOSIT + MEMBER_DEPOSIT);
		assert_noop!(Organisations::create(o("Bob"), vec![b'n'; 17], vec![], 15), E::NameTooLong);
		assert_noop!(Organisations::create(o("Bob"), vec![], vec![b'i'; 65], 15), E::InfoTooLong);
		assert_noop!(
			Organisations::create(o("Bob"), vec![], vec![], MEMBER_DEPOSIT - 1),
			E::JoinDepositTooLow
		);
		assert_eq!(Organisations::orgs(None, 10).len(), 1);
	});
}

#[test]
fn joining_is_by_request_and_an_admins_approval() {
	run(|| {
		let org = create();
		assert_ok!(Organisations::request_join(o("Bob"), org, Role::Member));
		assert_eq!(held("Bob"), 15, "the organisation's join deposit");
		assert_noop!(Organisations::request_join(o("Bob"), org, Role::Member), E::AlreadyRequested);
		assert_noop!(Organisations::request_join(o("Carol"), org, Role::Admin), E::BadRole);
		assert_noop!(Organisations::request_join(o("Carol"), 7, Role::Member), E::UnknownOrg);
		assert_eq!(
			Organisations::role_of(org, &account("Bob")),
			None,
			"a request is not membership"
		);
		assert_ok!(Organisations::approve_join(o("Alice"), org, account("Bob")));
		assert_eq!(Organisations::role_of(org, &account("Bob")), Some(Role::Member));
		assert_eq!(
			last_event(),
			RuntimeEvent::Organisations(Event::Joined {
				org,
				who: account("Bob"),
				role: Role::Member,
				approved_by: account("Alice")
			})
		);
		assert_eq!(held("Bob"), 15, "kept while a member");
		assert_noop!(Organisations::request_join(o("Bob"), org, Role::Guest), E::AlreadyMember);
		assert_eq!(Organisations::orgs_of(account("Bob"), None, 10), vec![(org, Role::Member)]);
	});
}

#[test]
fn a_join_approved_by_a_non_admin_is_refused() {
	run(|| {
		let org = create();
		join(org, "Bob", Role::Member);
		assert_ok!(Organisations::request_join(o("Carol"), org, Role::Member));
		assert_noop!(Organisations::approve_join(o("Bob"), org, account("Carol")), E::NotAdmin);
		assert_noop!(Organisations::approve_join(o("Carol"), org, account("Carol")), E::NotAdmin);
		assert_noop!(Organisations::approve_join(o("Eve"), org, account("Carol")), E::NotAdmin);
		assert_noop!(Organisations::reject_join(o("Bob"), org, account("Carol")), E::NotAdmin);
		assert_noop!(Organisations::approve_join(o("Alice"), org, account("Dave")), E::NoRequest);
		// Made admin, Bob may.
		assert_ok!(Organisations::set_role(o("Alice"), org, account("Bob"), Role::Admin));
		assert_ok!(Organisations::approve_join(o("Bob"), org, account("Carol")));
	});
}

#[test]
fn requests_are_cancelled_or_rejected_and_deposits_return() {
	run(|| {
		let org = create();
		assert_ok!(Organisations::request_join(o("Bob"), org, Role::Guest));
		assert_ok!(Organisations::cancel_join(o("Bob"), org));
		assert_eq!(held("Bob"), 0);
		assert_noop!(Organisations::cancel_join(o("Bob"), org), E::NoRequest);
		assert_ok!(Organisations::request_join(o("Bob"), org, Role::Guest));
		assert_ok!(Organisations::reject_join(o("Alice"), org, account("Bob")));
		assert_eq!(held("Bob"), 0);
		assert_eq!(Organisations::role_of(org, &account("Bob")), None);
	});
}

#[test]
fn an_organisation_has_at_most_max_members() {
	run(|| {
		let org = create();
		for who in ["Bob", "Carol", "Dave"] {
			join(org, who, Role::Guest);
		}
		assert_ok!(Organisations::request_join(o("Eve"), org, Role::Guest));
		assert_noop!(
			Organisations::approve_join(o("Alice"), org, account("Eve")),
			E::TooManyMembers
		);
		assert_eq!(Organisations::org(org).unwrap().members, MAX_MEMBERS);
	});
}

#[test]
fn roles_change_by_admins_and_an_organisation_always_keeps_an_admin() {
	run(|| {
		let org = create();
		join(org, "Bob", Role::Member);
		assert_noop!(
			Organisations::set_role(o("Bob"), org, account("Bob"), Role::Admin),
			E::NotAdmin
		);
		assert_noop!(
			Organisations::set_role(o("Alice"), org, account("Alice"), Role::Member),
			E::LastAdmin
		);
		assert_noop!(Organisations::leave(o("Alice"), org), E::LastAdmin);
		assert_noop!(
			Organisations::set_role(o("Alice"), org, account("Carol"), Role::Guest),
			E::NotMember
		);
		assert_ok!(Organisations::set_role(o("Alice"), org, account("Bob"), Role::Admin));
		assert_ok!(Organisations::set_role(o("Bob"), org, account("Alice"), Role::Guest));
		assert_eq!(Organisations::org(org).unwrap().admins, 1);
		assert_noop!(Organisations::remove_member(o("Alice"), org, account("Bob")), E::NotAdmin);
	});
}

#[test]
fn members_leave_or_are_removed_and_get_their_deposit_back() {
	run(|| {
		let org = create();
		join(org, "Bob", Role::Member);
		join(org, "Carol", Role::Guest);
		assert_ok!(Organisations::leave(o("Bob"), org));
		assert_eq!(held("Bob"), 0);
		assert_noop!(Organisations::leave(o("Bob"), org), E::NotMember);
		assert_ok!(Organisations::remove_member(o("Alice"), org, account("Carol")));
		assert_eq!(held("Carol"), 0);
		assert_eq!(Organisations::org(org).unwrap().members, 1);
		assert!(Organisations::orgs_of(account("Carol"), None, 10).is_empty());
	});
}

#[test]
fn an_organisation_is_dissolved_by_its_last_admin_when_nobody_else_is_in_it() {
	run(|| {
		let org = create();
		join(org, "Bob", Role::Member);
		assert_ok!(Organisations::request_join(o("Carol"), org, Role::Guest));
		assert_noop!(Organisations::dissolve(o("Bob"), org), E::NotAdmin);
		assert_noop!(Organisations::dissolve(o("Alice"), org), E::NotEmpty);
		assert_ok!(Organisations::remove_member(o("Alice"), org, account("Bob")));
		// A stranger's pending request does not keep it alive; the stranger cancels later.
		assert_ok!(Organisations::dissolve(o("Alice"), org));
		assert_eq!(held("Alice"), 0);
		assert!(Organisations::org(org).is_none());
		assert_noop!(Organisations::request_join(o("Dave"), org, Role::Guest), E::UnknownOrg);
		assert_ok!(Organisations::cancel_join(o("Carol"), org));
		assert_eq!(held("Carol"), 0);
		// Ids are never reused.
		assert_eq!(create_next(), 1);
	});
}

fn create_next() -> OrgId {
	assert_ok!(Organisations::create(o("Eve"), b"Next".to_vec(), vec![], 10));
	NextOrgId::<Test>::get() - 1
}

#[test]
fn rewards_go_through_an_automatic_account_only() {
	run(|| {
		let org = create();
		assert_noop!(
			Organisations::set_rewards(o("Alice"), org, Some(account("Bob"))),
			E::NotAutomatic
		);
		assert_noop!(Organisations::set_rewards(o("Bob"), org, Some(automatic())), E::NotAdmin);
		assert_ok!(Organisations::set_rewards(o("Alice"), org, Some(automatic())));
		assert_eq!(Organisations::org(org).unwrap().rewards, Some(automatic()));
	});
}

#[test]
fn a_cod_has_a_modeller_and_a_deployer_key_that_only_the_modeller_changes() {
	run(|| {
		let org = create();
		join(org, "Carol", Role::Member);
		let keys = CodKeys { modeller: account("Alice"), deployer: account("Bob") };
		assert_noop!(Organisations::set_cod_keys(o("Carol"), org, Some(keys.clone())), E::NotAdmin);
		assert_noop!(Organisations::set_cod_keys(o("Alice"), org, None), E::NotCod);
		assert_ok!(Organisations::set_cod_keys(o("Alice"), org, Some(keys)));
		let new = CodKeys { modeller: account("Dave"), deployer: account("Eve") };
		assert_noop!(Organisations::set_cod_keys(o("Bob"), org, Some(new.clone())), E::NotModeller);
		assert_ok!(Organisations::set_cod_keys(o("Alice"), org, Some(new)));
		assert_noop!(Organisations::set_cod_keys(o("Alice"), org, None), E::NotModeller);
		assert_ok!(Organisations::set_cod_keys(o("Dave"), org, None));
		assert!(Organisations::org(org).unwrap().cod.is_none());
	});
}

#[test]
fn a_node_registers_under_a_cod_with_its_key_and_one_key_in_two_cods_has_two_ids() {
	run(|| {
		let first = cod();
		let keys = CodKeys { modeller: account("Alice"), deployer: account("Bob") };
		assert_ok!(Organisations::create(o("Alice"), b"Second".to_vec(), vec![], 15));
		assert_ok!(Organisations::set_cod_keys(o("Alice"), 1, Some(keys)));
		join(first, "Carol", Role::Member);
		join(1, "Carol", Role::Member);
		assert_ok!(Organisations::register_node(
			o("Carol"),
			first,
			node_key(1),
			node_proof(1, first, "Carol")
		));
		assert_ok!(Organisations::register_node(
			o("Carol"),
			1,
			node_key(1),
			node_proof(1, 1, "Carol")
		));
		let a = node_id(first, &node_key(1));
		let b = node_id(1, &node_key(1));
		assert_ne!(a, b);
		assert_eq!(Organisations::node(a).unwrap().cod, first);
		assert_eq!(Organisations::node(b).unwrap().cod, 1);
		assert_eq!(Organisations::nodes(first, None, 10).len(), 1);
		assert_eq!(held("Carol"), 2 * 15 + 2 * NODE_DEPOSIT);
		assert_noop!(
			Organisations::register_node(
				o("Carol"),
				first,
				node_key(1),
				node_proof(1, first, "Carol")
			),
			E::NodeExists
		);
	});
}

#[test]
fn a_node_proves_its_key_for_this_cod_and_this_operator() {
	run(|| {
		let c = cod();
		join(c, "Carol", Role::Member);
		join(c, "Dave", Role::Member);
		// Another key's signature, a proof for another operator, for another cod: refused.
		assert_noop!(
			Organisations::register_node(o("Carol"), c, node_key(1), node_proof(2, c, "Carol")),
			E::BadNodeProof
		);
		assert_noop!(
			Organisations::register_node(o("Carol"), c, node_key(1), node_proof(1, c, "Dave")),
			E::BadNodeProof
		);
		assert_noop!(
			Organisations::register_node(o("Carol"), c, node_key(1), node_proof(1, c + 1, "Carol")),
			E::BadNodeProof
		);
		// Strangers to the cod, and plain organisations, register nothing.
		assert_noop!(
			Organisations::register_node(o("Eve"), c, node_key(1), node_proof(1, c, "Eve")),
			E::NotMember
		);
		assert_ok!(Organisations::create(o("Eve"), b"Plain".to_vec(), vec![], 15));
		assert_noop!(
			Organisations::register_node(o("Eve"), 1, node_key(1), node_proof(1, 1, "Eve")),
			E::NotCod
		);
	});
}

#[test]
fn nodes_are_removed_by_their_operator_the_deployer_or_an_admin() {
	run(|| {
		let c = cod();
		join(c, "Carol", Role::Member);
		join(c, "Dave", Role::Member);
		for n in 1..=3 {
			assert_ok!(Organisations::register_node(
				o("Carol"),
				c,
				node_key(n),
				node_proof(n, c, "Carol")
			));
		}
		assert_noop!(Organisations::deregister_node(o("Dave"), c, node_key(1)), E::NotAllowed);
		assert_noop!(Organisations::deregister_node(o("Carol"), c, node_key(9)), E::UnknownNode);
		assert_ok!(Organisations::deregister_node(o("Carol"), c, node_key(1)));
		// The deployer.
		assert_ok!(Organisations::deregister_node(o("Bob"), c, node_key(2)));
		// A cod with nodes stays a cod and is not dissolved.
		assert_noop!(Organisations::set_cod_keys(o("Alice"), c, None), E::NodesRegistered);
		assert_ok!(Organisations::deregister_node(o("Alice"), c, node_key(3)));
		assert_eq!(held("Carol"), 15);
		assert!(Organisations::node(node_id(c, &node_key(3))).is_none());
		assert_ok!(Organisations::set_cod_keys(o("Alice"), c, None));
	});
}
