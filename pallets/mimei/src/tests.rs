//! Every rule of SPEC §9.4, each with a test that fails if the rule breaks, attacks included;
//! the invariants (`try_state`) are checked at the end of every test.

use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use sp_core::H256;

use crate::{mock::*, pallet::*, types::*};

mod fuzz;

type E = Error<Test>;

fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		MiMei::do_try_state().expect("invariants hold");
	});
}

fn o(name: &str) -> RuntimeOrigin {
	RuntimeOrigin::signed(account(name))
}

fn held(name: &str) -> Balance {
	Balances::balance_on_hold(&HoldReason::Deposit.into(), &account(name))
}

fn digest(n: u8) -> H256 {
	H256::repeat_byte(n)
}

/// Alice's blog post `(blog, md, hello)`, writable by its owner only.
fn post() -> ObjectId {
	assert_ok!(MiMei::create(
		o("Alice"),
		b"blog".to_vec(),
		b"md".to_vec(),
		b"hello".to_vec(),
		Access::Public,
		Access::Owner,
		false
	));
	object_id(&account("Alice"), b"blog", b"md", b"hello")
}

fn version(id: ObjectId, by: &str, n: u8) {
	assert_ok!(MiMei::add_version(o(by), id, digest(n), 100 + n as u64));
}

fn resolve(id: ObjectId, s: Selector) -> Option<(VersionNo, H256)> {
	MiMei::resolve(id, s).map(|(n, v)| (n, v.digest))
}

#[test]
fn an_objects_id_is_stable_from_author_type_ext_and_mark() {
	run(|| {
		let id = post();
		assert!(MiMei::object(id).is_some());
		assert_ne!(id, object_id(&account("Bob"), b"blog", b"md", b"hello"));
		assert_ne!(id, object_id(&account("Alice"), b"blog", b"md", b"hello2"));
		assert_noop!(
			MiMei::create(
				o("Alice"),
				b"blog".to_vec(),
				b"md".to_vec(),
				b"hello".to_vec(),
				Access::Public,
				Access::Owner,
				false
			),
			E::ObjectExists
		);
		assert_noop!(
			MiMei::create(
				o("Alice"),
				vec![b'x'; 17],
				vec![],
				vec![],
				Access::Public,
				Access::Owner,
				false
			),
			E::FieldTooLong
		);
		// Bob's object of the same name is another object.
		assert_ok!(MiMei::create(
			o("Bob"),
			b"blog".to_vec(),
			b"md".to_vec(),
			b"hello".to_vec(),
			Access::Public,
			Access::Owner,
			false
		));
		assert_eq!(held("Alice"), OBJECT_DEPOSIT);
	});
}

#[test]
fn versions_are_numbered_from_zero_and_pointers_name_them() {
	run(|| {
		let id = post();
		assert_eq!(resolve(id, Selector::Pointer(Pointer::Cur)), None);
		for n in 0..3 {
			version(id, "Alice", n);
		}
		assert_eq!(resolve(id, Selector::Number(0)), Some((0, digest(0))));
		assert_eq!(resolve(id, Selector::Number(2)), Some((2, digest(2))));
		assert_eq!(resolve(id, Selector::Number(3)), None);
		assert_eq!(
			resolve(id, Selector::Pointer(Pointer::Last)),
			Some((2, digest(2))),
			"the newest"
		);
		assert_eq!(resolve(id, Selector::Pointer(Pointer::Cur)), Some((0, digest(0))), "the first");
		assert_eq!(resolve(id, Selector::Pointer(Pointer::Release)), None);
		assert_ok!(MiMei::set_pointer(o("Alice"), id, Pointer::Cur, 1));
		assert_eq!(resolve(id, Selector::Pointer(Pointer::Cur)), Some((1, digest(1))));
		assert_noop!(MiMei::set_pointer(o("Alice"), id, Pointer::Cur, 9), E::UnknownVersion);
		assert_noop!(MiMei::set_pointer(o("Alice"), id, Pointer::Release, 1), E::UseReleaseCall);
		assert_eq!(MiMei::versions(id, None, 10).len(), 3);
		assert_eq!(held("Alice"), OBJECT_DEPOSIT + 3 * VERSION_DEPOSIT);
	});
}

#[test]
fn a_version_pointer_moved_by_a_stranger_is_refused() {
	run(|| {
		let id = post();
		version(id, "Alice", 0);
		version(id, "Alice", 1);
		assert_noop!(MiMei::set_pointer(o("Eve"), id, Pointer::Cur, 1), E::NotWriter);
		assert_noop!(MiMei::set_pointer(o("Eve"), id, Pointer::Last, 0), E::NotWriter);
		assert_noop!(MiMei::release(o("Eve"), id, Some(1), None), E::NotOwner);
		assert_noop!(MiMei::add_version(o("Eve"), id, digest(9), 1), E::NotWriter);
		assert_noop!(
			MiMei::set_access(o("Eve"), id, Access::Public, Access::Public, false),
			E::NotOwner
		);
	});
}

#[test]
fn organisation_members_write_when_the_owner_lets_them_and_only_while_members() {
	run(|| {
		let id = post();
		assert_ok!(MiMei::set_access(o("Alice"), id, Access::Org(1), Access::Org(1), false));
		Orgs::add(1, &account("Bob"));
		version(id, "Bob", 0);
		assert_eq!(MiMei::resolve(id, Selector::Number(0)).unwrap().1.by, account("Bob"));
		assert_eq!(held("Bob"), VERSION_DEPOSIT, "the adder holds the version's deposit");
		assert_ok!(MiMei::set_pointer(o("Bob"), id, Pointer::Cur, 0));
		// A writer is not the owner: no release.
		assert_noop!(MiMei::release(o("Bob"), id, Some(0), None), E::NotOwner);
		Orgs::remove(1, &account("Bob"));
		assert_noop!(MiMei::add_version(o("Bob"), id, digest(1), 1), E::NotWriter);
		// Public write: anyone.
		assert_ok!(MiMei::set_access(o("Alice"), id, Access::Public, Access::Public, false));
		version(id, "Eve", 1);
	});
}

#[test]
fn a_release_that_requires_upkeep_needs_a_live_contract_of_the_owners() {
	run(|| {
		assert_ok!(MiMei::create(
			o("Alice"),
			b"app".to_vec(),
			b"zip".to_vec(),
			b"v".to_vec(),
			Access::Public,
			Access::Owner,
			true
		));
		let id = object_id(&account("Alice"), b"app", b"zip", b"v");
		version(id, "Alice", 0);
		assert_noop!(MiMei::release(o("Alice"), id, Some(0), None), E::UpkeepRequired);
		Upkeep::set(1, &account("Bob"), true);
		assert_noop!(MiMei::release(o("Alice"), id, Some(0), Some(1)), E::UpkeepNotLive);
		Upkeep::set(2, &account("Alice"), false);
		assert_noop!(MiMei::release(o("Alice"), id, Some(0), Some(2)), E::UpkeepNotLive);
		assert_noop!(MiMei::release(o("Alice"), id, Some(5), Some(2)), E::UnknownVersion);
		Upkeep::set(3, &account("Alice"), true);
		assert_ok!(MiMei::release(o("Alice"), id, Some(0), Some(3)));
		assert_eq!(resolve(id, Selector::Pointer(Pointer::Release)), Some((0, digest(0))));
		assert_eq!(MiMei::object(id).map(|(_, live)| live), Some(true));
		// The contract ends: the release stays, and the query says it is no longer kept.
		Upkeep::set(3, &account("Alice"), false);
		assert_eq!(MiMei::object(id).map(|(_, live)| live), Some(false));
		assert_ok!(MiMei::release(o("Alice"), id, None, None));
		assert_eq!(resolve(id, Selector::Pointer(Pointer::Release)), None);
	});
}

#[test]
fn references_are_counted_and_keep_their_target() {
	run(|| {
		let a = post();
		assert_ok!(MiMei::create(
			o("Bob"),
			b"blog".to_vec(),
			b"md".to_vec(),
			b"reply".to_vec(),
			Access::Public,
			Access::Owner,
			false
		));
		let b = object_id(&account("Bob"), b"blog", b"md", b"reply");
		assert_ok!(MiMei::create(
			o("Carol"),
			b"blog".to_vec(),
			b"md".to_vec(),
			b"quote".to_vec(),
			Access::Public,
			Access::Owner,
			false
		));
		let c = object_id(&account("Carol"), b"blog", b"md", b"quote");
		assert_ok!(MiMei::add_ref(o("Bob"), b, a));
		assert_ok!(MiMei::add_ref(o("Carol"), c, a));
		assert_eq!(MiMei::object(a).unwrap().0.refs_in, 2);
		assert_noop!(MiMei::add_ref(o("Bob"), b, a), E::ReferenceExists);
		assert_noop!(MiMei::add_ref(o("Eve"), b, c), E::NotWriter);
		assert_noop!(MiMei::add_ref(o("Bob"), b, b), E::SelfReference);
		assert_noop!(MiMei::add_ref(o("Bob"), b, H256::repeat_byte(7)), E::UnknownObject);
		let mut to = MiMei::refs_to(a, None, 10);
		to.sort();
		let mut expected = vec![b, c];
		expected.sort();
		assert_eq!(to, expected);
		assert_eq!(MiMei::refs_from(b, None, 10), vec![a]);
		// Referred to: it stays.
		assert_noop!(MiMei::remove_object(o("Alice"), a), E::ObjectInUse);
		assert_noop!(MiMei::remove_ref(o("Eve"), b, a), E::NotWriter);
		assert_ok!(MiMei::remove_ref(o("Bob"), b, a));
		assert_ok!(MiMei::remove_ref(o("Carol"), c, a));
		assert_noop!(MiMei::remove_ref(o("Carol"), c, a), E::NoReference);
		assert_eq!(held("Bob"), OBJECT_DEPOSIT);
		assert_ok!(MiMei::remove_object(o("Alice"), a));
	});
}

#[test]
fn versions_no_pointer_names_are_removed_and_an_object_with_none_left_goes() {
	run(|| {
		let id = post();
		assert_ok!(MiMei::set_access(o("Alice"), id, Access::Public, Access::Public, false));
		version(id, "Alice", 0);
		version(id, "Bob", 1);
		version(id, "Alice", 2);
		// 0 is cur, 2 is last: in use. 1 is Bob's: he or the owner removes it.
		assert_noop!(MiMei::remove_version(o("Alice"), id, 0), E::VersionInUse);
		assert_noop!(MiMei::remove_version(o("Alice"), id, 2), E::VersionInUse);
		assert_noop!(MiMei::remove_version(o("Eve"), id, 1), E::NotAllowed);
		assert_noop!(MiMei::remove_object(o("Bob"), id), E::NotOwner);
		assert_noop!(MiMei::remove_object(o("Alice"), id), E::ObjectInUse);
		assert_ok!(MiMei::remove_version(o("Bob"), id, 1));
		assert_eq!(held("Bob"), 0);
		assert_eq!(resolve(id, Selector::Number(1)), None);
		// Only pointed versions remain: the object goes with them, all deposits back.
		assert_ok!(MiMei::remove_object(o("Alice"), id));
		assert_eq!(held("Alice"), 0);
		assert!(MiMei::object(id).is_none());
		assert_eq!(resolve(id, Selector::Number(0)), None);
	});
}

#[test]
fn an_object_has_at_most_max_versions_ever() {
	run(|| {
		let id = post();
		for n in 0..MAX_VERSIONS as u8 {
			version(id, "Alice", n);
		}
		assert_ok!(MiMei::set_pointer(o("Alice"), id, Pointer::Cur, 4));
		assert_ok!(MiMei::remove_version(o("Alice"), id, 0));
		// Numbers are never reused: removing one makes no room.
		assert_noop!(MiMei::add_version(o("Alice"), id, digest(9), 1), E::TooManyVersions);
	});
}
