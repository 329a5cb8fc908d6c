//! Every rule of SPEC §8 and issue 13, each with a test that fails if the rule breaks; the
//! invariants (`try_state`) are checked after every test and after each step of the longer ones.

use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect, BoundedVec};
use sp_core::H256;
use sp_runtime::traits::BadOrigin;

use crate::{mock::*, pallet::*, types::*, Event};

mod fuzz;

type E = Error<Test>;

fn check() {
	CarChain::do_try_state().expect("invariants hold");
}

/// A test that checks the invariants at its end.
fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		check();
	});
}

fn o(name: &str) -> RuntimeOrigin {
	RuntimeOrigin::signed(account(name))
}

fn vid(s: &str) -> VidOf<Test> {
	BoundedVec::try_from(s.as_bytes().to_vec()).unwrap()
}

fn key(s: &str) -> KeyOf<Test> {
	BoundedVec::try_from(s.as_bytes().to_vec()).unwrap()
}

fn format() -> FormatOf<Test> {
	BoundedVec::try_from(b"trip-gps".to_vec()).unwrap()
}

fn enc(n: u8) -> EncryptionKey {
	[n; 32]
}

fn wrapped(n: u8) -> WrappedKeyOf<Test> {
	BoundedVec::try_from(vec![n; 80]).unwrap()
}

fn value_hash(s: &str) -> H256 {
	H256(sp_io::hashing::blake2_256(s.as_bytes()))
}

fn cod(name: &str) -> Balance {
	Balances::free_balance(account(name))
}

fn data(name: &str) -> Balance {
	DataToken::balance(&account(name))
}

fn held(name: &str, reason: HoldReason) -> Balance {
	use frame_support::traits::fungible::InspectHold;
	Balances::balance_on_hold(&reason.into(), &account(name))
}

/// Registers device `v` to `owner`, its key `device`.
fn setup(owner: &str, v: &str, device: &str) {
	let payload = CarChain::setup_payload(v.as_bytes(), &account(owner), &enc(1), &None);
	assert_ok!(CarChain::setup_device(
		o(owner),
		vid(v),
		account(device),
		enc(1),
		None,
		sign(device, &payload)
	));
}

/// `address` registers its own record `k`; returns its id.
fn put(address: &str, k: &str) -> RecordId {
	assert_ok!(CarChain::put_record(
		o(address),
		account(address),
		key(k),
		value_hash(k),
		1024,
		format(),
		None
	));
	record_id(&account(address), k.as_bytes())
}

// ---------------------------------------------------------------- devices

#[test]
fn setup_registers_a_device_proven_by_its_key() {
	run(|| {
		setup("Owner", "VIN1", "Dev1");
		let d = Devices::<Test>::get(vid("VIN1")).unwrap();
		assert_eq!(d.owner, account("Owner"));
		assert_eq!(d.device_key, account("Dev1"));
		assert_eq!(d.generation, 0);
		assert_eq!(held("Owner", HoldReason::Deposit), DEVICE_DEPOSIT);
		assert_eq!(CarChain::devices_of(account("Owner"), None, 10).len(), 1);
		System::assert_last_event(
			Event::DeviceSetUp {
				vid: vid("VIN1"),
				owner: account("Owner"),
				device_key: account("Dev1"),
				agent: None,
			}
			.into(),
		);
	});
}

#[test]
fn setup_without_the_device_key_fails() {
	run(|| {
		// Signed by a key other than the one named.
		let payload = CarChain::setup_payload(b"VIN1", &account("Owner"), &enc(1), &None);
		assert_noop!(
			CarChain::setup_device(
				o("Owner"),
				vid("VIN1"),
				account("Dev1"),
				enc(1),
				None,
				sign("Dev2", &payload)
			),
			E::BadDeviceSignature
		);
		// The device's proof for one owner does not register it to another.
		assert_noop!(
			CarChain::setup_device(
				o("Owner2"),
				vid("VIN1"),
				account("Dev1"),
				enc(1),
				None,
				sign("Dev1", &payload)
			),
			E::BadDeviceSignature
		);
		// Nor with another encryption key (a thief cannot redirect the device's data).
		assert_noop!(
			CarChain::setup_device(
				o("Owner"),
				vid("VIN1"),
				account("Dev1"),
				enc(9),
				None,
				sign("Dev1", &payload)
			),
			E::BadDeviceSignature
		);
	});
}

#[test]
fn setup_rejects_duplicates_unknown_agents_and_too_many_devices() {
	run(|| {
		setup("Owner", "VIN1", "Dev1");
		let payload = CarChain::setup_payload(b"VIN1", &account("Owner2"), &enc(1), &None);
		assert_noop!(
			CarChain::setup_device(
				o("Owner2"),
				vid("VIN1"),
				account("Dev1"),
				enc(1),
				None,
				sign("Dev1", &payload)
			),
			E::DeviceExists
		);
		let agent = Some(account("Agent"));
		let payload = CarChain::setup_payload(b"VIN2", &account("Owner"), &enc(1), &agent);
		assert_noop!(
			CarChain::setup_device(
				o("Owner"),
				vid("VIN2"),
				account("Dev2"),
				enc(1),
				agent.clone(),
				sign("Dev2", &payload)
			),
			E::UnknownAgent
		);
		assert_ok!(CarChain::register_agent(o("Agent")));
		assert_ok!(CarChain::setup_device(
			o("Owner"),
			vid("VIN2"),
			account("Dev2"),
			enc(1),
			agent,
			sign("Dev2", &payload)
		));
		setup("Owner", "VIN3", "Dev3");
		let payload = CarChain::setup_payload(b"VIN4", &account("Owner"), &enc(1), &None);
		assert_noop!(
			CarChain::setup_device(
				o("Owner"),
				vid("VIN4"),
				account("Dev4"),
				enc(1),
				None,
				sign("Dev4", &payload)
			),
			E::TooManyDevices
		);
	});
}

fn reset_args(
	v: &str,
	generation: u32,
	new_owner: &str,
	new_device: &str,
	old_device_signs: &str,
) -> (sp_runtime::MultiSignature, sp_runtime::MultiSignature) {
	let reset = CarChain::reset_payload(
		v.as_bytes(),
		generation,
		&account(new_owner),
		&account(new_device),
		&enc(2),
		&None,
	);
	let setup = CarChain::setup_payload(v.as_bytes(), &account(new_owner), &enc(2), &None);
	(sign(old_device_signs, &reset), sign(new_device, &setup))
}

#[test]
fn reset_needs_the_previous_device_key_and_never_replays() {
	run(|| {
		setup("Owner", "VIN1", "Dev1");
		// A wrong old key: nothing moves.
		let (old, new) = reset_args("VIN1", 0, "Owner2", "Dev2", "Dev9");
		assert_noop!(
			CarChain::reset_device(
				o("Owner2"),
				vid("VIN1"),
				account("Dev2"),
				enc(2),
				None,
				old,
				new
			),
			E::BadResetSignature
		);
		// The right one moves the device to Owner2 with the new key; deposits follow.
		let (old, new) = reset_args("VIN1", 0, "Owner2", "Dev2", "Dev1");
		assert_ok!(CarChain::reset_device(
			o("Owner2"),
			vid("VIN1"),
			account("Dev2"),
			enc(2),
			None,
			old.clone(),
			new.clone()
		));
		let d = Devices::<Test>::get(vid("VIN1")).unwrap();
		assert_eq!((d.owner, d.device_key, d.generation), (account("Owner2"), account("Dev2"), 1));
		assert_eq!(held("Owner", HoldReason::Deposit), 0);
		assert_eq!(held("Owner2", HoldReason::Deposit), DEVICE_DEPOSIT);
		assert!(CarChain::devices_of(account("Owner"), None, 10).is_empty());
		check();
		// The same signatures again (a replay) fail: the count moved on and the key changed.
		assert_noop!(
			CarChain::reset_device(
				o("Owner2"),
				vid("VIN1"),
				account("Dev2"),
				enc(2),
				None,
				old,
				new
			),
			E::BadResetSignature
		);
		// A reset whose new key did not sign fails even with the old key's consent.
		let (old, _) = reset_args("VIN1", 1, "Owner2", "Dev3", "Dev2");
		let (_, wrong_new) = reset_args("VIN1", 1, "Owner2", "Dev4", "Dev2");
		assert_noop!(
			CarChain::reset_device(
				o("Owner2"),
				vid("VIN1"),
				account("Dev3"),
				enc(2),
				None,
				old,
				wrong_new
			),
			E::BadDeviceSignature
		);
	});
}

#[test]
fn only_the_owner_removes_a_device() {
	run(|| {
		setup("Owner", "VIN1", "Dev1");
		assert_noop!(CarChain::remove_device(o("Owner2"), vid("VIN1")), E::NotDeviceOwner);
		assert_noop!(CarChain::remove_device(o("Owner"), vid("VIN9")), E::UnknownDevice);
		assert_ok!(CarChain::remove_device(o("Owner"), vid("VIN1")));
		assert_eq!(held("Owner", HoldReason::Deposit), 0);
		assert_eq!(cod("Owner"), ENDOWMENT);
	});
}

#[test]
fn agents_register_once_and_governance_may_remove_them() {
	run(|| {
		assert_ok!(CarChain::register_agent(o("Agent")));
		assert_noop!(CarChain::register_agent(o("Agent")), E::AlreadyAgent);
		assert_noop!(CarChain::unregister_agent(o("Owner"), account("Agent")), BadOrigin);
		assert_ok!(CarChain::unregister_agent(RuntimeOrigin::root(), account("Agent")));
		assert_noop!(CarChain::unregister_agent(o("Agent"), account("Agent")), E::NotAgent);
		assert_eq!(held("Agent", HoldReason::Deposit), 0);
	});
}

// ---------------------------------------------------------------- records

#[test]
fn a_record_is_registered_once_and_mints_its_reward() {
	run(|| {
		let id = put("Addr", "trip/1");
		let r = Records::<Test>::get(id).unwrap();
		assert_eq!((r.size, r.value_hash, r.reward), (1024, value_hash("trip/1"), RECORD_REWARD));
		assert_eq!(data("Addr"), RECORD_REWARD);
		assert_eq!(held("Addr", HoldReason::Deposit), RECORD_DEPOSIT);
		assert_noop!(
			CarChain::put_record(
				o("Addr"),
				account("Addr"),
				key("trip/1"),
				value_hash("other"),
				10,
				format(),
				None
			),
			E::DuplicateRecord
		);
	});
}

#[test]
fn malformed_records_fail_each_with_its_error() {
	run(|| {
		let a = account("Addr");
		let h = value_hash("v");
		assert_noop!(
			CarChain::put_record(o("Addr"), a.clone(), key(""), h, 10, format(), None),
			E::EmptyKey
		);
		assert_noop!(
			CarChain::put_record(o("Addr"), a.clone(), key("k"), h, 0, format(), None),
			E::BadSize
		);
		assert_noop!(
			CarChain::put_record(o("Addr"), a, key("k"), h, (1 << 20) + 1, format(), None),
			E::BadSize
		);
	});
}

#[test]
fn someone_else_puts_a_record_only_with_the_address_consent() {
	run(|| {
		let a = account("Addr");
		let h = value_hash("v");
		assert_noop!(
			CarChain::put_record(o("Agent"), a.clone(), key("k"), h, 10, format(), None),
			E::MissingConsent
		);
		// Consent to another hash does not cover this one.
		let other =
			CarChain::put_payload(&account("Agent"), b"k", &value_hash("w"), 10, b"trip-gps");
		assert_noop!(
			CarChain::put_record(
				o("Agent"),
				a.clone(),
				key("k"),
				h,
				10,
				format(),
				Some(sign("Addr", &other))
			),
			E::BadAddressSignature
		);
		let payload = CarChain::put_payload(&account("Agent"), b"k", &h, 10, b"trip-gps");
		// Consent given to one submitter is no good to another (who would take its place).
		assert_noop!(
			CarChain::put_record(
				o("Agent2"),
				a.clone(),
				key("k"),
				h,
				10,
				format(),
				Some(sign("Addr", &payload))
			),
			E::BadAddressSignature
		);
		assert_ok!(CarChain::put_record(
			o("Agent"),
			a,
			key("k"),
			h,
			10,
			format(),
			Some(sign("Addr", &payload))
		));
		// The submitter holds the deposit; the address gets the reward.
		assert_eq!(held("Agent", HoldReason::Deposit), RECORD_DEPOSIT);
		assert_eq!(data("Addr"), RECORD_REWARD);
		// Not a registered agent: no contribution counted.
		assert_eq!(AgentWork::<Test>::get(0, account("Agent")), None);
	});
}

#[test]
fn removing_a_record_burns_its_reward_so_put_and_remove_gain_nothing() {
	run(|| {
		let id = put("Addr", "k");
		assert_noop!(CarChain::remove_record(o("Addr"), id), E::RecordTooYoung);
		System::set_block_number(1 + MIN_RECORD_LIFE);
		assert_noop!(CarChain::remove_record(o("Owner"), id), E::NotRecordOwner);
		assert_ok!(CarChain::remove_record(o("Addr"), id));
		assert_eq!(data("Addr"), 0);
		assert_eq!(Emitted::<Test>::get().producers, 0);
		assert_eq!(cod("Addr"), ENDOWMENT);
		assert_noop!(CarChain::remove_record(o("Addr"), id), E::UnknownRecord);
	});
}

#[test]
fn a_record_whose_reward_was_spent_or_that_has_grants_stays() {
	run(|| {
		let id = put("Addr", "k");
		System::set_block_number(1 + MIN_RECORD_LIFE);
		assert_ok!(DataToken::transfer_allow_death(o("Addr"), account("Owner"), 50));
		assert_noop!(CarChain::remove_record(o("Addr"), id), E::RewardNotReturnable);
		assert_ok!(DataToken::transfer_allow_death(o("Owner"), account("Addr"), 50));
		assert_ok!(CarChain::grant(o("Addr"), id, account("Buyer"), wrapped(1), false, false));
		assert_noop!(CarChain::remove_record(o("Addr"), id), E::RecordHasGrants);
		assert_ok!(CarChain::renounce_grant(o("Buyer"), id));
		assert_ok!(CarChain::remove_record(o("Addr"), id));
	});
}

#[test]
fn phase_one_stops_at_its_cap() {
	run(|| {
		// 50 % of 1000 = 500 = five records' rewards.
		for i in 0..5 {
			put("Addr", &format!("k{i}"));
		}
		assert_eq!(Emitted::<Test>::get().producers, 500);
		let id = put("Addr", "k5");
		assert_eq!(Records::<Test>::get(id).unwrap().reward, 0);
		assert_eq!(data("Addr"), 500);
		assert_eq!(CarChain::emission_status().caps.producers, 500);
	});
}

// ---------------------------------------------------------------- grants

#[test]
fn a_sale_pays_the_seller_on_the_grant() {
	run(|| {
		let id = put("Addr", "k");
		assert_ok!(CarChain::offer_purchase(o("Buyer"), id, account("Addr"), 700, enc(7)));
		assert_eq!(held("Buyer", HoldReason::Escrow), 700);
		assert_noop!(
			CarChain::offer_purchase(o("Buyer"), id, account("Addr"), 1, enc(7)),
			E::PurchaseExists
		);
		check();
		let before = cod("Addr");
		assert_ok!(CarChain::grant(o("Addr"), id, account("Buyer"), wrapped(1), true, false));
		assert_eq!(cod("Addr"), before + 700);
		assert_eq!(held("Buyer", HoldReason::Escrow), 0);
		// The offer's deposit now covers the grant.
		assert_eq!(held("Buyer", HoldReason::Deposit), GRANT_DEPOSIT);
		let g = Grants::<Test>::get(id, account("Buyer")).unwrap();
		assert_eq!((g.resell, g.dup, g.wrapped_key), (true, false, wrapped(1)));
		assert!(Purchases::<Test>::get(id, account("Buyer")).is_none());
		System::assert_last_event(
			Event::Granted {
				record: id,
				granter: account("Addr"),
				grantee: account("Buyer"),
				resell: true,
				dup: false,
				paid: 700,
			}
			.into(),
		);
		assert_noop!(
			CarChain::offer_purchase(o("Buyer"), id, account("Addr"), 1, enc(7)),
			E::AlreadyHolder
		);
	});
}

#[test]
fn an_offer_is_refunded_when_cancelled_and_pays_only_its_own_seller() {
	run(|| {
		let id = put("Addr", "k");
		assert_ok!(CarChain::grant(o("Addr"), id, account("Buyer"), wrapped(1), true, true));
		assert_ok!(CarChain::offer_purchase(o("Buyer2"), id, account("Buyer"), 300, enc(7)));
		// The owner grants Buyer2 itself: Buyer2's offer to Buyer is not spent on it.
		let before = cod("Addr");
		assert_ok!(CarChain::grant(o("Addr"), id, account("Buyer2"), wrapped(2), false, false));
		assert_eq!(cod("Addr"), before - GRANT_DEPOSIT);
		assert_eq!(held("Buyer2", HoldReason::Escrow), 300);
		check();
		assert_ok!(CarChain::cancel_purchase(o("Buyer2"), id));
		assert_eq!(held("Buyer2", HoldReason::Escrow), 0);
		assert_eq!(cod("Buyer2"), ENDOWMENT);
		assert_noop!(CarChain::cancel_purchase(o("Buyer2"), id), E::NoPurchase);
	});
}

#[test]
fn a_grant_without_resell_cannot_be_resold() {
	run(|| {
		let id = put("Addr", "k");
		assert_ok!(CarChain::grant(o("Addr"), id, account("Buyer"), wrapped(1), false, false));
		assert_noop!(
			CarChain::grant(o("Buyer"), id, account("Buyer2"), wrapped(2), false, false),
			E::NotResellable
		);
		assert_noop!(
			CarChain::offer_purchase(o("Buyer2"), id, account("Buyer"), 10, enc(7)),
			E::NotResellable
		);
		assert_noop!(
			CarChain::grant(o("Owner"), id, account("Buyer2"), wrapped(2), false, false),
			E::NotASeller
		);
	});
}

#[test]
fn resale_without_dup_moves_the_right_and_with_dup_copies_it() {
	run(|| {
		let id = put("Addr", "k");
		assert_ok!(CarChain::grant(o("Addr"), id, account("Buyer"), wrapped(1), true, false));
		// Flags never widen.
		assert_noop!(
			CarChain::grant(o("Buyer"), id, account("Buyer2"), wrapped(2), true, true),
			E::FlagsBeyondOwn
		);
		assert_ok!(CarChain::grant(o("Buyer"), id, account("Buyer2"), wrapped(2), true, false));
		assert!(Grants::<Test>::get(id, account("Buyer")).is_none());
		assert!(Grants::<Test>::get(id, account("Buyer2")).is_some());
		assert_eq!(Records::<Test>::get(id).unwrap().grants, 1);
		check();
		let id2 = put("Addr", "k2");
		assert_ok!(CarChain::grant(o("Addr"), id2, account("Buyer"), wrapped(1), true, true));
		assert_ok!(CarChain::grant(o("Buyer"), id2, account("Buyer2"), wrapped(2), false, true));
		assert!(Grants::<Test>::get(id2, account("Buyer")).is_some());
		assert_eq!(Records::<Test>::get(id2).unwrap().grants, 2);
	});
}

#[test]
fn no_grant_to_oneself_or_to_a_holder() {
	run(|| {
		let id = put("Addr", "k");
		assert_noop!(
			CarChain::grant(o("Addr"), id, account("Addr"), wrapped(1), false, false),
			E::SelfGrant
		);
		assert_ok!(CarChain::grant(o("Addr"), id, account("Buyer"), wrapped(1), true, true));
		assert_noop!(
			CarChain::grant(o("Buyer"), id, account("Addr"), wrapped(1), false, false),
			E::AlreadyHolder
		);
		assert_noop!(
			CarChain::grant(o("Addr"), id, account("Buyer"), wrapped(1), false, false),
			E::AlreadyHolder
		);
		assert_noop!(CarChain::renounce_grant(o("Buyer2"), id), E::NoGrant);
	});
}

// ---------------------------------------------------------------- usage rights

/// A provider with one computation run by `Exec`, and a request for `min_cohort` devices.
fn request(min_cohort: u32, payment: Balance) -> RequestId {
	assert_ok!(CarChain::register_provider(o("Provider")));
	assert_ok!(CarChain::register_computation(
		o("Provider"),
		H256::repeat_byte(1),
		account("Exec"),
		enc(5)
	));
	assert_ok!(CarChain::request_usage(o("Provider"), 0, payment, min_cohort, enc(6), 50));
	0
}

fn approval(record: RecordId) -> ApprovedRecordOf<Test> {
	ApprovedRecord { record, wrapped_key: wrapped(3), consent: None }
}

fn approve(owner: &str, v: &str, records: Vec<ApprovedRecordOf<Test>>) {
	assert_ok!(CarChain::approve_usage(
		o(owner),
		0,
		vid(v),
		BoundedVec::try_from(records).unwrap()
	));
}

#[test]
fn usage_pays_contributors_pro_rata_once_the_cohort_is_complete() {
	run(|| {
		setup("Owner", "VIN1", "Dev1");
		setup("Owner2", "VIN2", "Dev2");
		let a = put("Owner", "a");
		let b = put("Owner", "b");
		let c = put("Owner2", "c");
		let req = request(2, 1000);
		approve("Owner", "VIN1", vec![approval(a), approval(b)]);
		let result = b"encrypted result".to_vec();
		let hash = H256(sp_io::hashing::blake2_256(&result));
		let bounded: ResultOf<Test> = BoundedVec::try_from(result.clone()).unwrap();
		// One device is below the cohort: no result, no payment.
		assert_noop!(
			CarChain::submit_result(o("Exec"), req, hash, bounded.clone()),
			E::CohortIncomplete
		);
		approve("Owner2", "VIN2", vec![approval(c)]);
		check();
		assert_noop!(
			CarChain::submit_result(o("Provider"), req, hash, bounded.clone()),
			E::NotExecutor
		);
		assert_noop!(
			CarChain::submit_result(o("Exec"), req, H256::zero(), bounded.clone()),
			E::ResultHashMismatch
		);
		let (o1, o2, p) = (cod("Owner"), cod("Owner2"), cod("Provider"));
		assert_ok!(CarChain::submit_result(o("Exec"), req, hash, bounded));
		// 1000 × 2/3 = 666, 1000 × 1/3 = 333, the unit of rounding back to the provider.
		assert_eq!(cod("Owner") - o1, 666);
		assert_eq!(cod("Owner2") - o2, 333);
		assert_eq!(cod("Provider") - p, 1);
		assert_eq!(CarChain::result(req), Some(result));
		assert_noop!(
			CarChain::approve_usage(o("Owner3"), req, vid("VIN3"), Default::default()),
			E::RequestClosed
		);
		check();
		// A stranger may close only after the retention; the requester at once.
		assert_noop!(CarChain::close_request(o("Owner"), req), E::RetentionNotOver);
		assert_ok!(CarChain::close_request(o("Provider"), req));
		assert_eq!(held("Owner", HoldReason::Deposit), DEVICE_DEPOSIT + 2 * RECORD_DEPOSIT);
		assert!(ApprovedKeys::<Test>::iter_prefix(req).next().is_none());
		assert_eq!(Computations::<Test>::get(0).unwrap().open_requests, 0);
	});
}

#[test]
fn a_request_needs_a_cohort_of_at_least_the_minimum() {
	run(|| {
		assert_ok!(CarChain::register_provider(o("Provider")));
		assert_ok!(CarChain::register_computation(
			o("Provider"),
			H256::zero(),
			account("Exec"),
			enc(5)
		));
		assert_noop!(
			CarChain::request_usage(o("Provider"), 0, 10, MIN_COHORT - 1, enc(6), 50),
			E::CohortBelowMinimum
		);
		assert_noop!(
			CarChain::request_usage(o("Provider"), 0, 10, 5, enc(6), 50),
			E::CohortAboveMaximum
		);
		assert_noop!(CarChain::request_usage(o("Provider"), 0, 0, 2, enc(6), 50), E::ZeroPayment);
		assert_noop!(
			CarChain::request_usage(o("Provider"), 0, 10, 2, enc(6), 1),
			E::DeadlineInPast
		);
		assert_noop!(
			CarChain::request_usage(o("Provider"), 0, 10, 2, enc(6), 102),
			E::DeadlineTooFar
		);
		assert_noop!(
			CarChain::request_usage(o("Owner"), 0, 10, 2, enc(6), 50),
			E::NotComputationProvider
		);
	});
}

#[test]
fn approvals_are_checked_record_by_record() {
	run(|| {
		setup("Owner", "VIN1", "Dev1");
		setup("Owner2", "VIN2", "Dev2");
		let mine = put("Owner", "a");
		let theirs = put("Addr", "x");
		let req = request(2, 100);
		let one = |r| BoundedVec::try_from(vec![r]).unwrap();
		assert_noop!(
			CarChain::approve_usage(o("Owner2"), req, vid("VIN1"), one(approval(mine))),
			E::NotDeviceOwner
		);
		assert_noop!(
			CarChain::approve_usage(o("Owner"), req, vid("VIN1"), Default::default()),
			E::NoRecords
		);
		// Another address's record needs that address's consent to this request and device.
		assert_noop!(
			CarChain::approve_usage(o("Owner"), req, vid("VIN1"), one(approval(theirs))),
			E::MissingConsent
		);
		let wrong = CarChain::approve_payload(req, b"VIN2", &theirs);
		let bad = ApprovedRecord { consent: Some(sign("Addr", &wrong)), ..approval(theirs) };
		assert_noop!(
			CarChain::approve_usage(o("Owner"), req, vid("VIN1"), one(bad)),
			E::BadAddressSignature
		);
		let right = CarChain::approve_payload(req, b"VIN1", &theirs);
		let good = ApprovedRecord { consent: Some(sign("Addr", &right)), ..approval(theirs) };
		// The same record twice in one approval counts once: rejected.
		assert_noop!(
			CarChain::approve_usage(
				o("Owner"),
				req,
				vid("VIN1"),
				BoundedVec::try_from(vec![approval(mine), approval(mine)]).unwrap()
			),
			E::RecordApprovedTwice
		);
		approve("Owner", "VIN1", vec![approval(mine), good]);
		assert_noop!(
			CarChain::approve_usage(o("Owner"), req, vid("VIN1"), one(approval(mine))),
			E::AlreadyApproved
		);
		// A record already in the request cannot come in again through another device.
		let again = CarChain::approve_payload(req, b"VIN2", &mine);
		let twice = ApprovedRecord { consent: Some(sign("Owner", &again)), ..approval(mine) };
		assert_noop!(
			CarChain::approve_usage(o("Owner2"), req, vid("VIN2"), one(twice)),
			E::RecordApprovedTwice
		);
		assert_eq!(Requests::<Test>::get(req).unwrap().records, 2);
	});
}

#[test]
fn after_the_deadline_an_incomplete_cohort_is_refunded_and_a_complete_one_paid() {
	run(|| {
		setup("Owner", "VIN1", "Dev1");
		setup("Owner2", "VIN2", "Dev2");
		let a = put("Owner", "a");
		let b = put("Owner2", "b");
		let req = request(2, 1000);
		approve("Owner", "VIN1", vec![approval(a)]);
		assert_noop!(CarChain::cancel_request(o("Provider"), req), E::DeadlineNotReached);
		System::set_block_number(51);
		assert_noop!(
			CarChain::approve_usage(
				o("Owner2"),
				req,
				vid("VIN2"),
				BoundedVec::try_from(vec![approval(b)]).unwrap()
			),
			E::RequestClosed
		);
		// Anyone may end it now: the outcome no longer depends on who asks.
		let p = cod("Provider");
		assert_ok!(CarChain::cancel_request(o("Owner3"), req));
		assert_eq!(cod("Provider") - p, 1000 + REQUEST_DEPOSIT);
		assert_eq!(held("Owner", HoldReason::Deposit), DEVICE_DEPOSIT + RECORD_DEPOSIT);
		check();

		// A complete cohort whose result never came: the contributors are paid anyway.
		System::set_block_number(60);
		assert_ok!(CarChain::request_usage(o("Provider"), 0, 1000, 2, enc(6), 70));
		let req = 1;
		let one = |r| BoundedVec::try_from(vec![approval(r)]).unwrap();
		assert_ok!(CarChain::approve_usage(o("Owner"), req, vid("VIN1"), one(a)));
		assert_ok!(CarChain::approve_usage(o("Owner2"), req, vid("VIN2"), one(b)));
		System::set_block_number(71);
		let (o1, p) = (cod("Owner"), cod("Provider"));
		assert_ok!(CarChain::cancel_request(o("Provider"), req));
		assert_eq!(cod("Owner") - o1, 500 + APPROVAL_DEPOSIT);
		assert_eq!(cod("Provider") - p, REQUEST_DEPOSIT);
		System::assert_last_event(
			Event::RequestCancelled { request: req, paid: 1000, refunded: 0 }.into(),
		);
	});
}

#[test]
fn a_computation_in_use_or_a_provider_with_computations_stays() {
	run(|| {
		let _ = request(2, 10);
		assert_noop!(CarChain::remove_computation(o("Provider"), 0), E::ComputationInUse);
		assert_noop!(
			CarChain::unregister_provider(o("Provider"), account("Provider")),
			E::ProviderHasComputations
		);
		assert_noop!(CarChain::remove_computation(o("Owner"), 0), E::NotComputationProvider);
		System::set_block_number(51);
		assert_ok!(CarChain::cancel_request(o("Provider"), 0));
		assert_ok!(CarChain::remove_computation(o("Provider"), 0));
		assert_ok!(CarChain::unregister_provider(o("Provider"), account("Provider")));
		assert_eq!(cod("Provider"), ENDOWMENT);
	});
}

#[test]
fn a_provider_has_at_most_max_computations() {
	run(|| {
		assert_noop!(
			CarChain::register_computation(o("Provider"), H256::zero(), account("Exec"), enc(5)),
			E::NotProvider
		);
		assert_ok!(CarChain::register_provider(o("Provider")));
		assert_noop!(CarChain::register_provider(o("Provider")), E::AlreadyProvider);
		for _ in 0..2 {
			assert_ok!(CarChain::register_computation(
				o("Provider"),
				H256::zero(),
				account("Exec"),
				enc(5)
			));
		}
		assert_noop!(
			CarChain::register_computation(o("Provider"), H256::zero(), account("Exec"), enc(5)),
			E::TooManyComputations
		);
	});
}

// ---------------------------------------------------------------- emission

/// `agent` submits `n` records for `Addr`'s keys `prefix0..`.
fn agent_puts(agent: &str, prefix: &str, n: u32) {
	for i in 0..n {
		let k = format!("{prefix}{i}");
		let h = value_hash(&k);
		let payload = CarChain::put_payload(&account(agent), k.as_bytes(), &h, 10, b"trip-gps");
		assert_ok!(CarChain::put_record(
			o(agent),
			account("Addr"),
			key(&k),
			h,
			10,
			format(),
			Some(sign("Addr", &payload))
		));
	}
}

#[test]
fn agents_share_an_epoch_budget_by_the_records_they_submitted() {
	run(|| {
		assert_ok!(CarChain::register_agent(o("Agent")));
		assert_ok!(CarChain::register_agent(o("Agent2")));
		agent_puts("Agent", "a", 2);
		agent_puts("Agent2", "b", 1);
		assert_noop!(CarChain::claim_agent_reward(o("Agent"), 0), E::EpochNotOver);
		System::set_block_number(EPOCH);
		assert_ok!(CarChain::claim_agent_reward(o("Agent"), 0));
		assert_eq!(data("Agent"), 80);
		assert_noop!(CarChain::claim_agent_reward(o("Agent"), 0), E::NothingToClaim);
		assert_noop!(CarChain::claim_agent_reward(o("Owner"), 0), E::NothingToClaim);
		assert_ok!(CarChain::claim_agent_reward(o("Agent2"), 0));
		assert_eq!(data("Agent2"), 40);
		// Fully claimed: the epoch's tally is gone.
		assert!(EpochWork::<Test>::get(0).is_none());
	});
}

#[test]
fn splitting_work_across_accounts_does_not_raise_an_agents_share() {
	run(|| {
		// Agent submits 2 records alone; or Agent and Agent2 submit 1 each: the pair gets the
		// same budget in total, so splitting gains nothing.
		assert_ok!(CarChain::register_agent(o("Agent")));
		agent_puts("Agent", "a", 2);
		System::set_block_number(EPOCH);
		assert_ok!(CarChain::claim_agent_reward(o("Agent"), 0));
		let alone = data("Agent");
		assert_ok!(CarChain::register_agent(o("Agent2")));
		agent_puts("Agent", "b", 1);
		agent_puts("Agent2", "c", 1);
		System::set_block_number(2 * EPOCH);
		assert_ok!(CarChain::claim_agent_reward(o("Agent"), 1));
		assert_ok!(CarChain::claim_agent_reward(o("Agent2"), 1));
		assert_eq!(data("Agent") - alone + data("Agent2"), alone);
	});
}

#[test]
fn phase_two_stops_at_its_cap() {
	run(|| {
		assert_ok!(CarChain::register_agent(o("Agent")));
		// 30 % of 1000 = 300: two full budgets of 120, then 60.
		for epoch in 0..3u32 {
			agent_puts("Agent", &format!("e{epoch}-"), 1);
			System::set_block_number((epoch as u64 + 1) * EPOCH);
			assert_ok!(CarChain::claim_agent_reward(o("Agent"), epoch));
		}
		assert_eq!(data("Agent"), 300);
		assert_eq!(Emitted::<Test>::get().agents, 300);
		agent_puts("Agent", "late", 1);
		System::set_block_number(4 * EPOCH);
		assert_ok!(CarChain::claim_agent_reward(o("Agent"), 3));
		assert_eq!(data("Agent"), 300);
	});
}

#[test]
fn providers_buy_the_sale_phase_at_the_price_until_its_cap() {
	run(|| {
		assert_noop!(CarChain::buy_data_tokens(o("Provider"), 10), E::NotProvider);
		assert_ok!(CarChain::register_provider(o("Provider")));
		assert_noop!(CarChain::buy_data_tokens(o("Provider"), 0), E::ZeroAmount);
		let (p, c) = (cod("Provider"), cod("Community"));
		assert_ok!(CarChain::buy_data_tokens(o("Provider"), 101));
		// 101 × 1.5 = 151.5, rounded up.
		assert_eq!(p - cod("Provider"), 152);
		assert_eq!(cod("Community") - c, 152);
		assert_eq!(data("Provider"), 101);
		// 20 % of 1000 = 200.
		assert_noop!(CarChain::buy_data_tokens(o("Provider"), 100), E::SaleCapReached);
		assert_ok!(CarChain::buy_data_tokens(o("Provider"), 99));
		assert_eq!(CarChain::emission_status().minted.sold, 200);
	});
}

#[test]
fn a_data_token_balance_beyond_what_the_phases_minted_breaks_the_invariant() {
	new_test_ext().execute_with(|| {
		put("Addr", "k");
		check();
		// Minting behind the pallet's back is what the invariant catches.
		use frame_support::traits::fungible::Mutate;
		assert_ok!(DataToken::mint_into(&account("Owner"), 1));
		assert!(CarChain::do_try_state().is_err());
	});
}

#[test]
fn queries_page_through_devices_grants_and_offers() {
	run(|| {
		setup("Owner", "VIN1", "Dev1");
		setup("Owner", "VIN2", "Dev2");
		setup("Owner", "VIN3", "Dev3");
		let first = CarChain::devices_of(account("Owner"), None, 2);
		assert_eq!(first.len(), 2);
		let rest = CarChain::devices_of(account("Owner"), Some(first[1].0.clone()), 10);
		assert_eq!(rest.len(), 1);
		let mut all: Vec<_> = first.iter().chain(rest.iter()).map(|(v, _)| v.clone()).collect();
		all.sort();
		assert_eq!(all, vec![b"VIN1".to_vec(), b"VIN2".to_vec(), b"VIN3".to_vec()]);
		// A cursor naming a removed device still continues after it.
		assert_ok!(CarChain::remove_device(
			o("Owner"),
			vid(std::str::from_utf8(&first[1].0).unwrap())
		));
		assert_eq!(CarChain::devices_of(account("Owner"), Some(first[1].0.clone()), 10), rest);
		let id = put("Addr", "k");
		assert_ok!(CarChain::grant(o("Addr"), id, account("Buyer"), wrapped(1), false, false));
		assert_ok!(CarChain::offer_purchase(o("Buyer2"), id, account("Addr"), 5, enc(3)));
		assert_eq!(CarChain::grants_of(id, None, 10).len(), 1);
		assert_eq!(CarChain::purchases_of(id, None, 10)[0].0, account("Buyer2"));
		assert_eq!(CarChain::record_id_of(account("Addr"), b"k".to_vec()), id);
		assert!(matches!(CarChain::record(id), Some(r) if r.size == 1024));
	});
}

#[test]
fn signatures_do_not_carry_over_between_purposes() {
	run(|| {
		// A device's setup signature is no address consent for a record, and the reverse.
		let setup_sig =
			sign("Addr", &CarChain::setup_payload(b"k", &account("Addr"), &enc(1), &None));
		assert_noop!(
			CarChain::put_record(
				o("Agent"),
				account("Addr"),
				key("k"),
				value_hash("v"),
				10,
				format(),
				Some(setup_sig)
			),
			E::BadAddressSignature
		);
		let put_sig = sign(
			"Dev1",
			&CarChain::put_payload(&account("Owner"), b"VIN1", &value_hash("v"), 10, b""),
		);
		assert_noop!(
			CarChain::setup_device(o("Owner"), vid("VIN1"), account("Dev1"), enc(1), None, put_sig),
			E::BadDeviceSignature
		);
	});
}
