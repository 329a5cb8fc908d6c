//! One test per rule of SPEC §5 and issue 12, attack cases included. Every test ends by
//! checking the invariants (`run_to` checks them after each block as well).

use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold, BoundedVec};
use sp_core::H256;
use sp_runtime::{MultiSignature, Perbill};

use crate::{mock::*, pallet::*, types::*, Error};

mod fuzz;

type Err = Error<Test>;
type Parts = BoundedVec<Part<AccountId>, frame_support::traits::ConstU32<8>>;

fn origin(name: &str) -> RuntimeOrigin {
	RuntimeOrigin::signed(acc(name))
}

fn parts(list: &[(&str, Amount)]) -> Parts {
	BoundedVec::truncate_from(
		list.iter().map(|(n, a)| Part { account: acc(n), amount: *a }).collect(),
	)
}

fn check() {
	JointToken::do_try_state().expect("invariants hold");
	Market::do_try_state().expect("market invariants hold");
}

fn price(cod: Amount, jt: Amount) -> Price {
	Price { cod, jt }
}

/// Rules with one planned schedule: 1 000 to the development fund (Dave) at block 5, 15, 25
/// (three periods), and 500 to the incubation fund at block 5 only.
fn rules() -> RulesOf<Test> {
	Rules {
		name: BoundedVec::truncate_from(b"Garden".to_vec()),
		symbol: BoundedVec::truncate_from(b"GDN".to_vec()),
		decimals: 0,
		deployer: acc("Deployer"),
		planned: BoundedVec::truncate_from(vec![
			Schedule {
				to: Beneficiary::Account(acc("Dave")),
				amount: 1_000,
				start: 5,
				every: 10,
				count: 3,
			},
			Schedule { to: Beneficiary::Incubation, amount: 500, start: 5, every: 10, count: 1 },
		]),
		holders_may_destroy: true,
		unplanned: Some(Unplanned {
			mode: Mode::Code,
			// 1 COD buys 2 tokens; the desk buys back at 1 COD for 4 tokens; 10 % fee.
			prices: Prices { sell: price(1, 2), buy: price(1, 4), fee: Perbill::from_percent(10) },
			fee_to: acc("Fees"),
		}),
		mentor_window: 5,
		min_tutoring_fee: 10,
		document: BoundedVec::truncate_from(b"Garden cooperative: tokens for produce.".to_vec()),
	}
}

fn create(r: RulesOf<Test>) -> JtId {
	let jtid = JointToken::check_rules(&r);
	assert_ok!(JointToken::create_kind(origin("Deployer"), r));
	jtid
}

/// Gives `who` `amount` tokens of `jtid` by buying at the desk (sell price 1 COD : 2).
fn buy(jtid: JtId, who: &str, amount: Amount) {
	assert_ok!(JointToken::buy(origin(who), jtid, amount / 2, amount));
}

fn transfer_data(
	jtid: JtId,
	inputs: &[(&str, Amount)],
	outputs: &[(&str, Amount)],
	expires: u64,
) -> ItemDataOf<Test> {
	let total = outputs.iter().map(|(_, a)| a).sum();
	ItemData::Transfer {
		jtid,
		inputs: parts(inputs),
		outputs: parts(outputs),
		total,
		expires,
		remark: Default::default(),
	}
}

fn signed(data: ItemDataOf<Test>, signers: &[&str]) -> ItemOf<Test> {
	let id = JointToken::item_id(&data);
	let sigs = signers.iter().map(|s| key(s).sign(&id.0)).collect::<Vec<_>>();
	Item { data, sigs: BoundedVec::truncate_from(sigs) }
}

fn unsigned(data: ItemDataOf<Test>) -> ItemOf<Test> {
	Item { data, sigs: Default::default() }
}

fn last_event() -> RuntimeEvent {
	System::events().last().expect("an event").event.clone()
}

fn deposit_of(who: &str) -> Balance {
	Balances::balance_on_hold(&HoldReason::Deposit.into(), &acc(who))
}

// --- Kinds ---

#[test]
fn a_kind_is_its_rules_hash_and_anyone_can_check_it() {
	new_test_ext().execute_with(|| {
		let r = rules();
		let jtid = create(r.clone());
		let expected = H256(sp_io::hashing::blake2_256(&codec::Encode::encode(&r)));
		assert_eq!(jtid, expected);
		let (stored, kind) = JointToken::kind(&jtid).expect("stored");
		assert_eq!(JointToken::check_rules(&stored), jtid);
		let bytes = codec::Encode::encoded_size(&r) as Balance;
		assert_eq!(kind.deposit, KIND_DEPOSIT + BYTE_DEPOSIT * bytes);
		assert_eq!(deposit_of("Deployer"), kind.deposit);
		// The same rules again are the same kind.
		assert_noop!(JointToken::create_kind(origin("Deployer"), r.clone()), Err::KindExists);
		// Changed rules are a new kind.
		let mut changed = r;
		changed.min_tutoring_fee += 1;
		let other = create(changed);
		assert_ne!(other, jtid);
		check();
	});
}

#[test]
fn only_the_deployer_creates_its_kind() {
	new_test_ext().execute_with(|| {
		assert_noop!(JointToken::create_kind(origin("Alice"), rules()), Err::NotDeployer);
	});
}

#[test]
fn rules_that_cannot_work_are_refused() {
	new_test_ext().execute_with(|| {
		let mut r = rules();
		r.planned[0].every = 0;
		assert_noop!(JointToken::create_kind(origin("Deployer"), r), Err::BadSchedule);
		let mut r = rules();
		r.planned[1].amount = 0;
		assert_noop!(JointToken::create_kind(origin("Deployer"), r), Err::BadSchedule);
		// Buying back above the sell price net of the fee would let a round trip drain
		// the desk: 1:2 sell with a 10 % fee nets 0.45 COD per token; 1:2 buy pays 0.5.
		let mut r = rules();
		r.unplanned.as_mut().unwrap().prices.buy = price(1, 2);
		assert_noop!(JointToken::create_kind(origin("Deployer"), r), Err::BadPrices);
		let mut r = rules();
		r.unplanned.as_mut().unwrap().prices.sell = price(0, 2);
		assert_noop!(JointToken::create_kind(origin("Deployer"), r), Err::BadPrices);
	});
}

// --- Planned issuance ---

#[test]
fn planned_issuance_runs_on_schedule_by_the_hook() {
	new_test_ext().execute_with(|| {
		let jtid = create(rules());
		run_to(4);
		assert_eq!(JointToken::balance(&jtid, &acc("Dave")), 0);
		run_to(5);
		assert_eq!(JointToken::balance(&jtid, &acc("Dave")), 1_000);
		let fund = JointToken::incubation_account(&jtid);
		assert_eq!(JointToken::balance(&jtid, &fund), 500);
		run_to(35);
		// Three periods, then the schedule is done; the incubation schedule ran once.
		assert_eq!(JointToken::balance(&jtid, &acc("Dave")), 3_000);
		assert_eq!(JointToken::balance(&jtid, &fund), 500);
		assert_eq!(Kinds::<Test>::get(jtid).unwrap().supply, 3_500);
		assert_eq!(JointToken::next_issue(&jtid, 0), None);
		// The deployer paid the new entries' deposits.
		assert_eq!(
			deposit_of("Deployer"),
			Kinds::<Test>::get(jtid).unwrap().deposit + 2 * ENTRY_DEPOSIT
		);
	});
}

#[test]
fn the_first_valid_issue_item_wins_and_a_second_in_the_period_fails() {
	new_test_ext().execute_with(|| {
		let jtid = create(rules());
		let item = |period, amount| {
			unsigned(ItemData::Issue { jtid, schedule: 0, period, to: acc("Dave"), amount })
		};
		// Not due before block 5.
		assert_noop!(JointToken::submit(origin("Bob"), item(0, 1_000)), Err::NotDue);
		run_to(4);
		System::set_block_number(5);
		// One unit more than the rules say is a deviation.
		assert_noop!(JointToken::submit(origin("Bob"), item(0, 1_001)), Err::Deviation);
		let wrong_to =
			ItemData::Issue { jtid, schedule: 0, period: 0, to: acc("Bob"), amount: 1_000 };
		assert_noop!(JointToken::submit(origin("Bob"), unsigned(wrong_to)), Err::Deviation);
		assert_noop!(JointToken::submit(origin("Bob"), item(1, 1_000)), Err::NotDue);
		assert_ok!(JointToken::submit(origin("Bob"), item(0, 1_000)));
		// Bob, who submitted, paid Dave's new entry.
		assert_eq!(deposit_of("Bob"), ENTRY_DEPOSIT);
		assert_noop!(JointToken::submit(origin("Charlie"), item(0, 1_000)), Err::AlreadyIssued);
		// The hook does not issue the period again.
		run_to(6);
		assert_eq!(JointToken::balance(&jtid, &acc("Dave")), 1_000);
		assert_eq!(Kinds::<Test>::get(jtid).unwrap().supply, 1_500);
		// Period 1 falls due at block 15.
		assert_noop!(JointToken::submit(origin("Bob"), item(1, 1_000)), Err::NotDue);
		run_to(15);
		assert_noop!(JointToken::submit(origin("Bob"), item(1, 1_000)), Err::AlreadyIssued);
		run_to(25);
		assert_noop!(JointToken::submit(origin("Bob"), item(3, 1_000)), Err::ScheduleDone);
		// A signature on an issue item is refused: the rules alone authorise it.
		let mut with_sig = item(3, 1_000);
		with_sig.sigs = BoundedVec::truncate_from(vec![key("Bob").sign(b"x")]);
		assert_noop!(JointToken::submit(origin("Bob"), with_sig), Err::WrongSignatureCount);
	});
}

#[test]
fn scheduled_work_per_block_is_bounded_and_nothing_is_skipped() {
	new_test_ext().execute_with(|| {
		// Five kinds with two schedules each fall due at block 5: ten tasks, three per block.
		let mut kinds = vec![];
		for i in 0..5u32 {
			let mut r = rules();
			r.min_tutoring_fee = i.into();
			kinds.push(create(r));
		}
		run_to(5);
		let issued = |k: &JtId| Kinds::<Test>::get(k).unwrap().supply;
		assert_eq!(kinds.iter().map(issued).sum::<Amount>(), 1_000 + 500 + 1_000);
		run_to(8);
		assert_eq!(kinds.iter().map(issued).sum::<Amount>(), 5 * 1_500);
	});
}

// --- Transfers ---

#[test]
fn a_two_input_transfer_signed_by_keys_of_different_schemes() {
	new_test_ext().execute_with(|| {
		let jtid = create(rules());
		buy(jtid, "Alice", 100);
		buy(jtid, "ec:Ferdie", 100);
		let data = transfer_data(
			jtid,
			&[("Alice", 60), ("ec:Ferdie", 40)],
			&[("ed:Eve", 70), ("Bob", 30)],
			10,
		);
		let item = signed(data.clone(), &["Alice", "ec:Ferdie"]);
		assert_eq!(
			JointToken::simulate_item(&acc("Charlie"), item.clone()).map(|o| o.moved),
			Ok(100)
		);
		assert_ok!(JointToken::submit(origin("Charlie"), item.clone()));
		assert_eq!(JointToken::balance(&jtid, &acc("Alice")), 40);
		assert_eq!(JointToken::balance(&jtid, &acc("ec:Ferdie")), 60);
		assert_eq!(JointToken::balance(&jtid, &acc("ed:Eve")), 70);
		assert_eq!(JointToken::balance(&jtid, &acc("Bob")), 30);
		// The submitter paid the two new entries.
		assert_eq!(deposit_of("Charlie"), 2 * ENTRY_DEPOSIT);
		// A replayed item fails.
		assert_noop!(JointToken::submit(origin("Bob"), item), Err::Replayed);
		// An ed25519 signer spends too.
		let data = transfer_data(jtid, &[("ed:Eve", 70)], &[("Alice", 70)], 10);
		assert_ok!(JointToken::submit(origin("Bob"), signed(data, &["ed:Eve"])));
		assert_eq!(JointToken::balance(&jtid, &acc("ed:Eve")), 0);
		check();
	});
}

#[test]
fn forged_missing_or_misplaced_signatures_fail() {
	new_test_ext().execute_with(|| {
		let jtid = create(rules());
		buy(jtid, "Alice", 100);
		buy(jtid, "Bob", 100);
		let data = transfer_data(jtid, &[("Alice", 50), ("Bob", 50)], &[("Charlie", 100)], 10);
		// Charlie signs for Bob.
		let forged = signed(data.clone(), &["Alice", "Charlie"]);
		assert_noop!(JointToken::submit(origin("Charlie"), forged), Err::BadSignature);
		// Bob's signature is missing.
		let missing = signed(data.clone(), &["Alice"]);
		assert_noop!(JointToken::submit(origin("Charlie"), missing), Err::WrongSignatureCount);
		// Signatures in the wrong order do not match their inputs.
		let swapped = signed(data.clone(), &["Bob", "Alice"]);
		assert_noop!(JointToken::submit(origin("Charlie"), swapped), Err::BadSignature);
		// A signature over other data (here: the item for another chain's genesis).
		let other_chain = H256(sp_io::hashing::blake2_256(&codec::Encode::encode(&(
			ITEM_TAG,
			H256::repeat_byte(7),
			&data,
		))));
		let sigs: Vec<MultiSignature> =
			["Alice", "Bob"].iter().map(|s| key(s).sign(&other_chain.0)).collect();
		let replayed = Item { data, sigs: BoundedVec::truncate_from(sigs) };
		assert_noop!(JointToken::submit(origin("Charlie"), replayed), Err::BadSignature);
	});
}

#[test]
fn a_transfer_must_balance_and_be_funded() {
	new_test_ext().execute_with(|| {
		let jtid = create(rules());
		buy(jtid, "Alice", 100);
		buy(jtid, "Bob", 100);
		let mut data = transfer_data(jtid, &[("Alice", 60)], &[("Bob", 50)], 10);
		if let ItemData::Transfer { total, .. } = &mut data {
			*total = 60;
		}
		assert_noop!(
			JointToken::submit(origin("Alice"), signed(data, &["Alice"])),
			Err::Unbalanced
		);
		let data = transfer_data(jtid, &[("Alice", 101)], &[("Bob", 101)], 10);
		assert_noop!(
			JointToken::submit(origin("Alice"), signed(data, &["Alice"])),
			Err::InsufficientBalance
		);
		let data = transfer_data(jtid, &[("Alice", 10), ("Alice", 10)], &[("Bob", 20)], 10);
		assert_noop!(
			JointToken::submit(origin("Alice"), signed(data, &["Alice", "Alice"])),
			Err::DuplicateInput
		);
		let data = transfer_data(jtid, &[("Alice", 10)], &[("Bob", 10), ("Charlie", 0)], 10);
		assert_noop!(
			JointToken::submit(origin("Alice"), signed(data, &["Alice"])),
			Err::ZeroAmount
		);
		// An amount that overflows when summed.
		let data = ItemData::Transfer {
			jtid,
			inputs: parts(&[("Alice", u128::MAX), ("Bob", 2)]),
			outputs: parts(&[("Charlie", 1)]),
			total: 1,
			expires: 10,
			remark: Default::default(),
		};
		assert_noop!(
			JointToken::submit(origin("Alice"), signed(data, &["Alice", "Bob"])),
			Err::Overflow
		);
		// Paying the root would burn tokens outside the desk.
		let data = ItemData::Transfer {
			jtid,
			inputs: parts(&[("Alice", 1)]),
			outputs: BoundedVec::truncate_from(vec![Part {
				account: JointToken::root_account(&jtid),
				amount: 1,
			}]),
			total: 1,
			expires: 10,
			remark: Default::default(),
		};
		assert_noop!(
			JointToken::submit(origin("Alice"), signed(data, &["Alice"])),
			Err::RootReceives
		);
		let data = transfer_data(H256::repeat_byte(9), &[("Alice", 1)], &[("Bob", 1)], 10);
		assert_noop!(
			JointToken::submit(origin("Alice"), signed(data, &["Alice"])),
			Err::UnknownKind
		);
	});
}

#[test]
fn items_expire_and_their_replay_keys_are_forgotten() {
	new_test_ext().execute_with(|| {
		let jtid = create(rules());
		buy(jtid, "Alice", 100);
		let data = transfer_data(jtid, &[("Alice", 1)], &[("Bob", 1)], 1);
		assert_noop!(JointToken::submit(origin("Alice"), signed(data, &["Alice"])), Err::Expired);
		let data = transfer_data(jtid, &[("Alice", 1)], &[("Bob", 1)], 1 + ITEM_LIFE + 1);
		assert_noop!(
			JointToken::submit(origin("Alice"), signed(data, &["Alice"])),
			Err::ExpiryTooFar
		);
		// Three items may expire at block 5 (MaxItemsPerExpiry); a fourth picks another block.
		for n in 1..=3 {
			let data = transfer_data(jtid, &[("Alice", n)], &[("Bob", n)], 5);
			assert_ok!(JointToken::submit(origin("Alice"), signed(data, &["Alice"])));
		}
		let data = transfer_data(jtid, &[("Alice", 4)], &[("Bob", 4)], 5);
		assert_noop!(
			JointToken::submit(origin("Alice"), signed(data.clone(), &["Alice"])),
			Err::ExpiryFull
		);
		assert_eq!(SeenCount::<Test>::get(5), 3);
		run_to(5);
		assert_eq!(SeenCount::<Test>::get(5), 0);
		assert_eq!(Seen::<Test>::iter_prefix(5).count(), 0);
		// An expired item stays unusable after its key is forgotten.
		assert_noop!(JointToken::submit(origin("Alice"), signed(data, &["Alice"])), Err::Expired);
	});
}

#[test]
fn keyless_accounts_cannot_sign() {
	new_test_ext().execute_with(|| {
		let jtid = create(rules());
		run_to(5);
		let fund = JointToken::incubation_account(&jtid);
		let data = ItemData::Transfer {
			jtid,
			inputs: BoundedVec::truncate_from(vec![Part { account: fund, amount: 10 }]),
			outputs: parts(&[("Alice", 10)]),
			total: 10,
			expires: 10,
			remark: Default::default(),
		};
		assert_noop!(
			JointToken::submit(origin("Alice"), signed(data, &["Alice"])),
			Err::NotSignable
		);
	});
}

#[test]
fn holders_destroy_only_if_the_rules_allow() {
	new_test_ext().execute_with(|| {
		let jtid = create(rules());
		buy(jtid, "Alice", 100);
		let data =
			ItemData::Destroy { jtid, inputs: parts(&[("Alice", 30)]), total: 30, expires: 10 };
		assert_ok!(JointToken::submit(origin("Bob"), signed(data.clone(), &["Alice"])));
		assert_eq!(Kinds::<Test>::get(jtid).unwrap().supply, 70);
		assert_noop!(JointToken::submit(origin("Bob"), signed(data, &["Alice"])), Err::Replayed);
		let mut r = rules();
		r.holders_may_destroy = false;
		let strict = create(r);
		buy(strict, "Alice", 100);
		let data = ItemData::Destroy {
			jtid: strict,
			inputs: parts(&[("Alice", 30)]),
			total: 30,
			expires: 10,
		};
		assert_noop!(
			JointToken::submit(origin("Alice"), signed(data, &["Alice"])),
			Err::DestroyNotAllowed
		);
		check();
	});
}

// --- Exchange ---

fn other_kind() -> JtId {
	let mut r = rules();
	r.name = BoundedVec::truncate_from(b"Orchard".to_vec());
	create(r)
}

fn exchange(a: JtId, b: JtId, expires: u64) -> ItemDataOf<Test> {
	ItemData::Exchange {
		a: ExchangeLeg { jtid: a, payer: acc("Alice"), outputs: parts(&[("Bob", 30)]), total: 30 },
		b: ExchangeLeg { jtid: b, payer: acc("Bob"), outputs: parts(&[("Alice", 20)]), total: 20 },
		expires,
	}
}

#[test]
fn an_exchange_swaps_two_kinds_when_both_payers_sign() {
	new_test_ext().execute_with(|| {
		let (a, b) = (create(rules()), other_kind());
		buy(a, "Alice", 100);
		buy(b, "Bob", 100);
		let item = signed(exchange(a, b, 10), &["Alice", "Bob"]);
		assert_ok!(JointToken::submit(origin("Charlie"), item.clone()));
		assert_eq!(JointToken::balance(&a, &acc("Alice")), 70);
		assert_eq!(JointToken::balance(&a, &acc("Bob")), 30);
		assert_eq!(JointToken::balance(&b, &acc("Bob")), 80);
		assert_eq!(JointToken::balance(&b, &acc("Alice")), 20);
		assert!(matches!(
			last_event(),
			RuntimeEvent::JointToken(Event::Exchanged { a_total: 30, b_total: 20, .. })
		));
		assert_noop!(JointToken::submit(origin("Charlie"), item), Err::Replayed);
		check();
	});
}

#[test]
fn an_exchange_with_one_signature_or_one_kind_fails() {
	new_test_ext().execute_with(|| {
		let (a, b) = (create(rules()), other_kind());
		buy(a, "Alice", 100);
		buy(b, "Bob", 100);
		let one = signed(exchange(a, b, 10), &["Alice"]);
		assert_noop!(JointToken::submit(origin("Alice"), one), Err::WrongSignatureCount);
		let forged = signed(exchange(a, b, 10), &["Alice", "Alice"]);
		assert_noop!(JointToken::submit(origin("Alice"), forged), Err::BadSignature);
		let same = signed(exchange(a, a, 10), &["Alice", "Bob"]);
		assert_noop!(JointToken::submit(origin("Alice"), same), Err::SameKind);
	});
}

// --- Automatic accounts and alloc ---

fn distribution() -> DistributionOf<Test> {
	Distribution {
		// Alice 2 parts, Bob 1 part of half the balance, at block 10, 20, …
		shares: BoundedVec::truncate_from(vec![(acc("Alice"), 2), (acc("Bob"), 1)]),
		portion: Perbill::from_percent(50),
		start: 10,
		every: 10,
		remark: Default::default(),
	}
}

/// A kind and an automatic account holding 1 001 of it.
fn funded_automatic() -> (JtId, AccountId) {
	let jtid = create(rules());
	assert_ok!(JointToken::register_automatic(origin("Charlie"), distribution()));
	let auto = JointToken::automatic_account(&JointToken::distribution_id(&distribution()));
	buy(jtid, "Charlie", 1_002);
	let data = ItemData::Transfer {
		jtid,
		inputs: parts(&[("Charlie", 1_001)]),
		outputs: BoundedVec::truncate_from(vec![Part { account: auto.clone(), amount: 1_001 }]),
		total: 1_001,
		expires: 10,
		remark: Default::default(),
	};
	assert_ok!(JointToken::submit(origin("Charlie"), signed(data, &["Charlie"])));
	(jtid, auto)
}

fn alloc(jtid: JtId, account: &AccountId, period: u32, outputs: &[(&str, Amount)]) -> ItemOf<Test> {
	unsigned(ItemData::Alloc { jtid, account: account.clone(), period, outputs: parts(outputs) })
}

#[test]
fn anyone_submits_an_alloc_and_the_chain_recomputes_it() {
	new_test_ext().execute_with(|| {
		let (jtid, auto) = funded_automatic();
		assert_noop!(JointToken::submit(origin("Dave"), alloc(jtid, &auto, 0, &[])), Err::NotDue);
		run_to(10);
		// Half of 1 001 is 500 (rounded down): 333 and 166, a unit of dust stays.
		let (period, expected) = JointToken::expected_alloc(&jtid, &auto).unwrap();
		assert_eq!(period, 0);
		assert_eq!(expected, parts(&[("Alice", 333), ("Bob", 166)]).into_inner());
		// One unit off is a deviation.
		assert_noop!(
			JointToken::submit(
				origin("Dave"),
				alloc(jtid, &auto, 0, &[("Alice", 334), ("Bob", 166)])
			),
			Err::Deviation
		);
		assert_noop!(
			JointToken::submit(
				origin("Dave"),
				alloc(jtid, &auto, 0, &[("Alice", 333), ("Bob", 165)])
			),
			Err::Deviation
		);
		assert_ok!(JointToken::submit(
			origin("Dave"),
			alloc(jtid, &auto, 0, &[("Alice", 333), ("Bob", 166)])
		));
		assert_eq!(JointToken::balance(&jtid, &auto), 1_001 - 499);
		// The first valid alloc of a period wins.
		assert_noop!(
			JointToken::submit(
				origin("Dave"),
				alloc(jtid, &auto, 0, &[("Alice", 333), ("Bob", 166)])
			),
			Err::AlreadyIssued
		);
		assert_noop!(JointToken::submit(origin("Dave"), alloc(jtid, &auto, 1, &[])), Err::NotDue);
		check();
	});
}

#[test]
fn funds_leave_an_automatic_account_only_by_its_rule() {
	new_test_ext().execute_with(|| {
		let (jtid, auto) = funded_automatic();
		let data = ItemData::Transfer {
			jtid,
			inputs: BoundedVec::truncate_from(vec![Part { account: auto, amount: 1 }]),
			outputs: parts(&[("Charlie", 1)]),
			total: 1,
			expires: 10,
			remark: Default::default(),
		};
		assert_noop!(
			JointToken::submit(origin("Charlie"), signed(data, &["Charlie"])),
			Err::NotSignable
		);
		// The same rule cannot be registered twice, and the account cannot leave while
		// it holds tokens.
		assert_noop!(
			JointToken::register_automatic(origin("Dave"), distribution()),
			Err::AutomaticExists
		);
		let account = JointToken::automatic_account(&JointToken::distribution_id(&distribution()));
		assert_noop!(
			JointToken::deregister_automatic(origin("Charlie"), account),
			Err::AutomaticInUse
		);
	});
}

// --- The exchange desk ---

#[test]
fn buying_at_the_desk_funds_its_standing_offer_and_selling_back_burns() {
	new_test_ext().execute_with(|| {
		let jtid = create(rules());
		let root = JointToken::root_account(&jtid);
		let fees = Balances::free_balance(acc("Fees"));
		assert_eq!(
			JointToken::quote(&jtid, 1_000),
			Ok(Quote { jt: 2_000, fee: 100, to_desk: 900 })
		);
		assert_ok!(JointToken::buy(origin("Alice"), jtid, 1_000, 2_000));
		assert_eq!(JointToken::balance(&jtid, &acc("Alice")), 2_000);
		assert_eq!(Balances::free_balance(acc("Fees")), fees + 100);
		let offer = Kinds::<Test>::get(jtid).unwrap().desk.expect("desk opened");
		let o = pallet_market::Offers::<Test>::get(offer).unwrap();
		assert_eq!((o.offerer.clone(), o.remaining), (root.clone(), 900));
		assert!(pallet_market::Pallet::<Test>::is_standing(o.expiry));
		// A second purchase tops the same offer up.
		assert_ok!(JointToken::buy(origin("Bob"), jtid, 100, 0));
		assert_eq!(pallet_market::Offers::<Test>::get(offer).unwrap().remaining, 990);
		// Alice sells 400 tokens back through the market: 100 COD at 1:4; the tokens burn.
		let before = Balances::free_balance(acc("Alice"));
		assert_ok!(Market::accept(origin("Alice"), offer, 100, Default::default()));
		// Accepting opens Alice's market record, which holds its deposit.
		assert_eq!(Balances::free_balance(acc("Alice")), before + 100 - RECORD_DEPOSIT);
		assert_eq!(JointToken::balance(&jtid, &acc("Alice")), 1_600);
		assert_eq!(JointToken::balance(&jtid, &root), 0);
		assert_eq!(Kinds::<Test>::get(jtid).unwrap().supply, 1_600 + 200);
		assert!(System::events().iter().any(|e| matches!(
			e.event,
			RuntimeEvent::JointToken(Event::Redeemed { amount: 400, .. })
		)));
		check();
	});
}

#[test]
fn a_round_trip_through_the_desk_never_profits() {
	new_test_ext().execute_with(|| {
		let jtid = create(rules());
		let start = Balances::free_balance(acc("Alice"));
		assert_ok!(JointToken::buy(origin("Alice"), jtid, 1_000, 0));
		let offer = Kinds::<Test>::get(jtid).unwrap().desk.unwrap();
		// Sell everything back: 2 000 tokens buy at most 500 COD at 1:4.
		assert_ok!(Market::accept(origin("Alice"), offer, 500, Default::default()));
		assert!(Balances::free_balance(acc("Alice")) < start);
		assert_eq!(JointToken::balance(&jtid, &acc("Alice")), 0);
		// The desk cannot pay out more than it holds.
		assert_ok!(JointToken::buy(origin("Bob"), jtid, 10, 0));
		let left = pallet_market::Offers::<Test>::get(offer).unwrap().remaining;
		assert_noop!(
			Market::accept(origin("Bob"), offer, left + 1, Default::default()),
			pallet_market::Error::<Test>::AboveRemaining
		);
		check();
	});
}

#[test]
fn desk_purchases_respect_the_minimum_and_the_mode() {
	new_test_ext().execute_with(|| {
		let jtid = create(rules());
		assert_noop!(JointToken::buy(origin("Alice"), jtid, 10, 21), Err::BelowMinimum);
		assert_noop!(JointToken::buy(origin("Alice"), jtid, 0, 0), Err::ZeroAmount);
		let mut r = rules();
		r.unplanned = None;
		let planned_only = create(r);
		assert_noop!(JointToken::buy(origin("Alice"), planned_only, 10, 0), Err::WrongMode);
		assert_noop!(
			JointToken::buy(origin("Alice"), jtid, ENDOWMENT, 0),
			Err::InsufficientBalance
		);
	});
}

fn trust_rules() -> RulesOf<Test> {
	let mut r = rules();
	r.unplanned.as_mut().unwrap().mode = Mode::Trust {
		min_sell: price(1, 4),
		max_sell: price(1, 1),
		min_buy: price(1, 10),
		max_buy: price(1, 2),
		max_fee: Perbill::from_percent(20),
	};
	r
}

#[test]
fn in_trust_mode_the_trustee_sets_prices_within_the_bounds() {
	new_test_ext().execute_with(|| {
		let jtid = create(trust_rules());
		let p = |sell, buy, fee| Prices { sell, buy, fee: Perbill::from_percent(fee) };
		assert_noop!(
			JointToken::set_prices(origin("Trustee"), jtid, p(price(1, 1), price(1, 4), 10)),
			Err::NotTrustee
		);
		assert_noop!(
			JointToken::appoint_trustee(origin("Alice"), jtid, Some(acc("Trustee"))),
			Err::NotDeployer
		);
		assert_ok!(JointToken::appoint_trustee(origin("Deployer"), jtid, Some(acc("Trustee"))));
		assert_ok!(JointToken::buy(origin("Alice"), jtid, 100, 0));
		assert_ok!(JointToken::set_prices(
			origin("Trustee"),
			jtid,
			p(price(1, 1), price(1, 4), 10)
		));
		// The desk offer buys at the new price.
		let offer = Kinds::<Test>::get(jtid).unwrap().desk.unwrap();
		let ratio = pallet_market::Offers::<Test>::get(offer).unwrap().ratio;
		assert_eq!((ratio.pay, ratio.receive), (1, 4));
		assert_eq!(JointToken::quote(&jtid, 100).unwrap().jt, 100);
		// Out of bounds: sell above the maximum, buy below the minimum, fee above the bound.
		for bad in [
			p(price(2, 1), price(1, 4), 10),
			p(price(1, 1), price(1, 11), 10),
			p(price(1, 1), price(1, 4), 21),
		] {
			assert_noop!(JointToken::set_prices(origin("Trustee"), jtid, bad), Err::BadPrices);
		}
		// A code-mode kind has no trustee.
		let code = create(rules());
		assert_noop!(JointToken::appoint_trustee(origin("Deployer"), code, None), Err::WrongMode);
		check();
	});
}

// --- Users, mentors, presales ---

fn ordinary(jtid: JtId, who: &str) {
	assert_ok!(JointToken::declare_ordinary(origin(who), jtid));
}

fn presale(jtid: JtId) -> PresaleId {
	// 10 units at 5 tokens, goal 4 units; mentors from block 5, everyone 10..20, deliver by 30.
	assert_ok!(JointToken::open_presale(
		origin("Alice"),
		jtid,
		5,
		10,
		4,
		10,
		20,
		30,
		H256::repeat_byte(1)
	));
	NextPresaleId::<Test>::get() - 1
}

#[test]
fn only_ordinary_users_open_presales_and_apply_for_loans() {
	new_test_ext().execute_with(|| {
		let jtid = create(rules());
		assert_noop!(
			JointToken::open_presale(origin("Alice"), jtid, 5, 10, 4, 10, 20, 30, H256::zero()),
			Err::NotOrdinaryUser
		);
		assert_noop!(
			JointToken::apply_loan(origin("Alice"), jtid, 100, 2, 5, Perbill::zero()),
			Err::NotOrdinaryUser
		);
		ordinary(jtid, "Alice");
		assert_noop!(JointToken::declare_ordinary(origin("Alice"), jtid), Err::AlreadyUser);
		presale(jtid);
		// An ordinary user with an open presale cannot withdraw its declaration.
		assert_noop!(JointToken::revoke_ordinary(origin("Alice"), jtid), Err::UserInUse);
		check();
	});
}

#[test]
fn mentors_preorder_before_a_presale_opens() {
	new_test_ext().execute_with(|| {
		let jtid = create(rules());
		ordinary(jtid, "Alice");
		ordinary(jtid, "Bob");
		buy(jtid, "Bob", 100);
		buy(jtid, "Charlie", 100);
		buy(jtid, "Dave", 100);
		// Bob pays Charlie for tutoring: Charlie becomes a mentor.
		assert_noop!(
			JointToken::pay_tutoring(origin("Bob"), jtid, acc("Charlie"), 9),
			Err::TutoringTooSmall
		);
		assert_noop!(
			JointToken::pay_tutoring(origin("Dave"), jtid, acc("Charlie"), 10),
			Err::NotOrdinaryUser
		);
		assert_ok!(JointToken::pay_tutoring(origin("Bob"), jtid, acc("Charlie"), 10));
		assert!(JointToken::is_mentor(&jtid, &acc("Charlie")));
		let id = presale(jtid);
		run_to(4);
		assert_noop!(JointToken::preorder(origin("Charlie"), id, 1), Err::PreordersClosed);
		run_to(5);
		assert_noop!(JointToken::preorder(origin("Dave"), id, 1), Err::PreordersClosed);
		assert_ok!(JointToken::preorder(origin("Charlie"), id, 8));
		run_to(10);
		assert_noop!(JointToken::preorder(origin("Dave"), id, 3), Err::SoldOut);
		assert_ok!(JointToken::preorder(origin("Dave"), id, 2));
		run_to(20);
		assert_noop!(JointToken::preorder(origin("Dave"), id, 1), Err::PreordersClosed);
		check();
	});
}

#[test]
fn a_presale_delivered_and_one_refunded() {
	new_test_ext().execute_with(|| {
		let jtid = create(rules());
		ordinary(jtid, "Alice");
		buy(jtid, "Bob", 100);
		buy(jtid, "Charlie", 100);
		let id = presale(jtid);
		run_to(10);
		assert_ok!(JointToken::preorder(origin("Bob"), id, 2));
		assert_ok!(JointToken::preorder(origin("Charlie"), id, 2));
		assert_eq!(JointToken::balance(&jtid, &acc("Bob")), 90);
		assert_eq!(Presales::<Test>::get(id).unwrap().escrowed, 20);
		// Not before the deadline, and not while the goal (4 units, met) … is met: Bob confirms.
		assert_noop!(JointToken::settle_preorder(origin("Dave"), id, acc("Bob")), Err::TooEarly);
		assert_ok!(JointToken::confirm_delivery(origin("Bob"), id));
		assert_eq!(JointToken::balance(&jtid, &acc("Alice")), 10);
		// Charlie never confirms and Alice never reported delivery: refunded after the
		// deadline, by anyone.
		run_to(30);
		assert_noop!(JointToken::confirm_delivery(origin("Charlie"), id), Err::TooLate);
		assert_ok!(JointToken::settle_preorder(origin("Dave"), id, acc("Charlie")));
		assert_eq!(JointToken::balance(&jtid, &acc("Charlie")), 100);
		assert_ok!(JointToken::close_presale(origin("Alice"), id));
		assert_ok!(JointToken::revoke_ordinary(origin("Alice"), jtid));
		check();
	});
}

#[test]
fn withholding_a_confirmation_does_not_pay() {
	new_test_ext().execute_with(|| {
		let jtid = create(rules());
		ordinary(jtid, "Alice");
		buy(jtid, "Bob", 100);
		let id = presale(jtid);
		run_to(10);
		assert_ok!(JointToken::preorder(origin("Bob"), id, 4));
		run_to(20);
		assert_noop!(JointToken::mark_delivered(origin("Bob"), id, acc("Bob")), Err::NotSeller);
		assert_ok!(JointToken::mark_delivered(origin("Alice"), id, acc("Bob")));
		run_to(30);
		// Bob got the goods and kept silent: he does not get his tokens back, and Alice is
		// not paid either; both have a dispute on record.
		let supply = Kinds::<Test>::get(jtid).unwrap().supply;
		assert_ok!(JointToken::settle_preorder(origin("Dave"), id, acc("Bob")));
		assert_eq!(JointToken::balance(&jtid, &acc("Bob")), 80);
		assert_eq!(JointToken::balance(&jtid, &acc("Alice")), 0);
		assert_eq!(Kinds::<Test>::get(jtid).unwrap().supply, supply - 20);
		assert_eq!(
			(Disputes::<Test>::get(acc("Alice")), Disputes::<Test>::get(acc("Bob"))),
			(1, 1)
		);
		check();
	});
}

#[test]
fn an_all_or_nothing_presale_that_misses_its_goal_refunds_everyone() {
	new_test_ext().execute_with(|| {
		let jtid = create(rules());
		ordinary(jtid, "Alice");
		buy(jtid, "Bob", 100);
		let id = presale(jtid);
		run_to(10);
		assert_ok!(JointToken::preorder(origin("Bob"), id, 3));
		// Before it closes the goal is undecided: nobody is paid yet.
		assert_noop!(JointToken::confirm_delivery(origin("Bob"), id), Err::TooEarly);
		assert_noop!(JointToken::settle_preorder(origin("Bob"), id, acc("Bob")), Err::TooEarly);
		run_to(20);
		assert_noop!(JointToken::confirm_delivery(origin("Bob"), id), Err::GoalMissed);
		assert_noop!(JointToken::mark_delivered(origin("Alice"), id, acc("Bob")), Err::GoalMissed);
		assert_noop!(JointToken::close_presale(origin("Alice"), id), Err::PresaleInUse);
		assert_ok!(JointToken::settle_preorder(origin("Charlie"), id, acc("Bob")));
		assert_eq!(JointToken::balance(&jtid, &acc("Bob")), 100);
		assert_eq!(deposit_of("Bob"), ENTRY_DEPOSIT);
		assert_ok!(JointToken::close_presale(origin("Alice"), id));
		check();
	});
}

// --- Loans ---

fn loan(jtid: JtId) -> LoanId {
	// 100 at 10 % in two installments, one every 10 blocks: 55 and 55.
	assert_ok!(JointToken::apply_loan(
		origin("Alice"),
		jtid,
		100,
		2,
		10,
		Perbill::from_percent(10)
	));
	NextLoanId::<Test>::get() - 1
}

#[test]
fn a_loan_is_repaid_automatically_on_schedule() {
	new_test_ext().execute_with(|| {
		let jtid = create(rules());
		ordinary(jtid, "Alice");
		buy(jtid, "Lender", 200);
		buy(jtid, "Alice", 20);
		let id = loan(jtid);
		assert_noop!(JointToken::fund_loan(origin("Alice"), id, false), Err::SelfLoan);
		assert_ok!(JointToken::fund_loan(origin("Lender"), id, false));
		assert_noop!(JointToken::fund_loan(origin("Lender"), id, false), Err::WrongLoanState);
		assert_eq!(JointToken::balance(&jtid, &acc("Alice")), 120);
		run_to(11);
		assert_eq!(JointToken::balance(&jtid, &acc("Alice")), 65);
		assert_eq!(JointToken::balance(&jtid, &acc("Lender")), 155);
		run_to(21);
		assert_eq!(JointToken::balance(&jtid, &acc("Alice")), 10);
		assert_eq!(JointToken::balance(&jtid, &acc("Lender")), 210);
		// Repaid in full: the loan is gone and its deposit back.
		assert_eq!(Loans::<Test>::get(id), None);
		assert_eq!(deposit_of("Alice"), ENTRY_DEPOSIT + ENTRY_DEPOSIT);
		check();
	});
}

#[test]
fn a_borrower_with_nothing_misses_and_allocations_repay_arrears_first() {
	new_test_ext().execute_with(|| {
		let (jtid, auto) = funded_automatic();
		ordinary(jtid, "Alice");
		buy(jtid, "Lender", 200);
		let id = loan(jtid);
		assert_ok!(JointToken::fund_loan(origin("Lender"), id, false));
		// Alice spends the loan at once: nothing is left to repay from.
		let data = transfer_data(jtid, &[("Alice", 100)], &[("Bob", 100)], 10);
		assert_ok!(JointToken::submit(origin("Alice"), signed(data, &["Alice"])));
		run_to(11);
		let l = Loans::<Test>::get(id).unwrap();
		assert_eq!((l.paid, l.arrears, l.missed), (0, 55, 1));
		assert!(System::events().iter().any(|e| matches!(
			e.event,
			RuntimeEvent::JointToken(Event::InstallmentMissed { short: 55, .. })
		)));
		// The allocation at block 10 was not submitted yet; Alice's 333 first pays 55.
		let lender = JointToken::balance(&jtid, &acc("Lender"));
		let (_, outputs) = JointToken::expected_alloc(&jtid, &auto).unwrap();
		let item = unsigned(ItemData::Alloc {
			jtid,
			account: auto.clone(),
			period: 0,
			outputs: BoundedVec::truncate_from(outputs),
		});
		assert_eq!(JointToken::simulate_item(&acc("Dave"), item.clone()).unwrap().repaid, 55);
		assert_ok!(JointToken::submit(origin("Dave"), item));
		assert_eq!(JointToken::balance(&jtid, &acc("Lender")), lender + 55);
		assert_eq!(JointToken::balance(&jtid, &acc("Alice")), 333 - 55);
		let l = Loans::<Test>::get(id).unwrap();
		assert_eq!((l.paid, l.arrears), (55, 0));
		// The second installment is taken from the allocation Alice kept.
		run_to(21);
		assert_eq!(Loans::<Test>::get(id), None);
		check();
	});
}

#[test]
fn the_incubation_fund_lends_through_the_deployer_only() {
	new_test_ext().execute_with(|| {
		let jtid = create(rules());
		ordinary(jtid, "Alice");
		run_to(5);
		let id = loan(jtid);
		assert_noop!(JointToken::fund_loan(origin("Bob"), id, true), Err::NotDeployer);
		assert_ok!(JointToken::fund_loan(origin("Deployer"), id, true));
		let fund = JointToken::incubation_account(&jtid);
		assert_eq!(JointToken::balance(&jtid, &fund), 400);
		assert_eq!(Loans::<Test>::get(id).unwrap().lender, Some(fund));
		check();
	});
}

#[test]
fn manual_repayment_clears_arrears_then_pays_ahead() {
	new_test_ext().execute_with(|| {
		let jtid = create(rules());
		ordinary(jtid, "Alice");
		buy(jtid, "Lender", 200);
		let id = loan(jtid);
		assert_noop!(JointToken::repay(origin("Alice"), id, 10), Err::WrongLoanState);
		assert_ok!(JointToken::fund_loan(origin("Lender"), id, false));
		assert_noop!(JointToken::repay(origin("Bob"), id, 10), Err::NotBorrower);
		buy(jtid, "Alice", 20);
		// Paying more than is owed pays what is owed.
		assert_ok!(JointToken::repay(origin("Alice"), id, 1_000));
		assert_eq!(Loans::<Test>::get(id), None);
		assert_eq!(JointToken::balance(&jtid, &acc("Alice")), 10);
		run_to(25);
		check();
	});
}

#[test]
fn an_unfunded_loan_can_be_withdrawn() {
	new_test_ext().execute_with(|| {
		let jtid = create(rules());
		ordinary(jtid, "Alice");
		let id = loan(jtid);
		assert_noop!(JointToken::cancel_loan(origin("Bob"), id), Err::NotBorrower);
		assert_ok!(JointToken::cancel_loan(origin("Alice"), id));
		// Each installment must ask for at least a unit.
		assert_noop!(
			JointToken::apply_loan(origin("Alice"), jtid, 3, 4, 5, Perbill::zero()),
			Err::BadLoan
		);
		assert_noop!(
			JointToken::apply_loan(origin("Alice"), jtid, 100, 0, 5, Perbill::zero()),
			Err::BadLoan
		);
		assert_eq!(deposit_of("Alice"), ENTRY_DEPOSIT);
		// Two open loans per borrower at most.
		loan(jtid);
		loan(jtid);
		assert_noop!(
			JointToken::apply_loan(origin("Alice"), jtid, 100, 2, 5, Perbill::zero()),
			Err::TooManyLoans
		);
		check();
	});
}

// --- Storage that users create goes away ---

#[test]
fn empty_entries_close_and_return_their_deposit_to_the_payer() {
	new_test_ext().execute_with(|| {
		let jtid = create(rules());
		buy(jtid, "Alice", 100);
		let data = transfer_data(jtid, &[("Alice", 100)], &[("Bob", 100)], 10);
		assert_ok!(JointToken::submit(origin("Charlie"), signed(data, &["Alice"])));
		assert_noop!(
			JointToken::close_entry(origin("Dave"), jtid, acc("Alice")),
			Err::NotHolderOrPayer
		);
		assert_noop!(
			JointToken::close_entry(origin("Charlie"), jtid, acc("Bob")),
			Err::EntryNotEmpty
		);
		assert_ok!(JointToken::close_entry(origin("Alice"), jtid, acc("Alice")));
		assert_eq!(deposit_of("Alice"), 0);
		check();
	});
}

#[test]
fn a_kind_nobody_holds_can_be_removed() {
	new_test_ext().execute_with(|| {
		let mut r = rules();
		r.unplanned = None;
		r.planned = Default::default();
		let jtid = create(r);
		assert_noop!(JointToken::remove_kind(origin("Alice"), jtid), Err::NotDeployer);
		assert_ok!(JointToken::remove_kind(origin("Deployer"), jtid));
		assert_eq!(deposit_of("Deployer"), 0);
		// A kind with holders stays.
		let used = create(rules());
		buy(used, "Alice", 10);
		assert_noop!(JointToken::remove_kind(origin("Deployer"), used), Err::KindInUse);
		check();
	});
}

#[test]
fn a_dry_run_changes_nothing() {
	new_test_ext().execute_with(|| {
		let jtid = create(rules());
		buy(jtid, "Alice", 100);
		let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
		let data = transfer_data(jtid, &[("Alice", 10)], &[("Bob", 10)], 10);
		assert!(JointToken::simulate_item(&acc("Alice"), signed(data.clone(), &["Alice"])).is_ok());
		assert_eq!(
			JointToken::simulate_item(&acc("Alice"), signed(data, &["Bob"])),
			Err(Err::BadSignature.into())
		);
		assert_eq!(JointToken::simulate_buy(&acc("Bob"), &jtid, 50).map(|q| q.jt), Ok(100));
		assert_eq!(sp_io::storage::root(sp_runtime::StateVersion::V1), root);
	});
}
