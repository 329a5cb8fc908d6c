//! Every rule of SPEC §6 and of the list, each in a test that fails if the rule is
//! broken. The pallet's invariants (`do_try_state`) are checked after every step that succeeds
//! (this file's `assert_ok!`) and at the end of every test.

use codec::Encode;
use frame_support::{assert_noop, traits::fungible::InspectHold, BoundedVec};
use sp_core::{Pair, H256};
use sp_runtime::{MultiSignature, Perbill};

use crate::{mock::*, pallet::*, types::*, Error, Event};

mod fuzz;

macro_rules! assert_ok {
	($($arg:tt)*) => {{
		frame_support::assert_ok!($($arg)*);
		Upkeep::do_try_state().expect("invariants hold after the step");
	}};
}

fn run(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Upkeep::do_try_state().expect("invariants hold");
	});
}

const PERIOD: u64 = 10;
const WINDOW: u64 = 3;
const PRICE: Balance = 2;

fn origin(who: &AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.clone())
}

fn bounded<S: frame_support::traits::Get<u32>>(v: Vec<AccountId>) -> BoundedVec<AccountId, S> {
	BoundedVec::truncate_from(v)
}

fn providers(n: u32) -> Vec<AccountId> {
	(0..n).map(provider).collect()
}

/// A contract of the user with `k` keepers (K0..) and `p` providers (P0..), price 2 per
/// space-time unit, period 10, window 3.
fn create_with(k: u32, p: u32, escrow: Balance, split: Option<Split>) -> ContractId {
	create_by(&user(), keepers(k), p, escrow, split)
}

/// A contract of `owner` kept by `keepers`, with `p` providers (P0..), the same terms.
fn create_by(
	owner: &AccountId,
	keepers: Vec<AccountId>,
	p: u32,
	escrow: Balance,
	split: Option<Split>,
) -> ContractId {
	let id = NextContractId::<Test>::get();
	assert_ok!(Upkeep::create(
		origin(owner),
		bounded(keepers),
		bounded(providers(p)),
		PRICE,
		PERIOD,
		WINDOW,
		escrow,
		None,
		split,
	));
	id
}

fn create(k: u32, p: u32, escrow: Balance) -> ContractId {
	create_with(k, p, escrow, None)
}

/// The key behind a test account.
fn pair_of(who: &AccountId) -> sp_core::sr25519::Pair {
	for i in 0..64 {
		if keepers(64)[i as usize] == *who {
			return pair(&format!("K{i}"));
		}
	}
	for name in ["User", "Other", "P0", "P1", "P2", "P3"] {
		if account(name) == *who {
			return pair(name);
		}
	}
	panic!("no key for {who:?}")
}

fn attest(
	keeper: &AccountId,
	contract: ContractId,
	prov: &AccountId,
	ts: u64,
	te: u64,
	st: SpaceTime,
) -> AttestationOf<Test> {
	let payload = Upkeep::attestation_payload(contract, prov, ts, te, st);
	let signature = MultiSignature::from(pair_of(keeper).sign(&payload));
	Attestation { keeper: keeper.clone(), contract, provider: prov.clone(), ts, te, st, signature }
}

fn attest_by(
	signers: &[AccountId],
	contract: ContractId,
	prov: &AccountId,
	ts: u64,
	te: u64,
	st: SpaceTime,
) -> AttestationsOf<Test> {
	BoundedVec::truncate_from(
		signers.iter().map(|k| attest(k, contract, prov, ts, te, st)).collect(),
	)
}

/// The leader order of `prov`'s next payment.
fn order(contract: ContractId, prov: &AccountId) -> Vec<AccountId> {
	Upkeep::windows(contract, prov.clone()).into_iter().map(|w| w.keeper).collect()
}

fn go_to(n: u64) {
	System::set_block_number(n);
}

fn free(who: &AccountId) -> Balance {
	Balances::free_balance(who)
}

fn escrow_of(contract: ContractId) -> Balance {
	Contracts::<Test>::get(contract).unwrap().escrow
}

fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::Upkeep(e) => Some(e),
			_ => None,
		})
		.expect("an upkeep event")
}

/// Pays `prov` for `[ts, te)` at block `at` by the keeper at 0-based `place` in the order,
/// every keeper attesting `st`.
fn pay_at(
	contract: ContractId,
	prov: &AccountId,
	at: u64,
	place: usize,
	ts: u64,
	te: u64,
	st: u128,
) {
	go_to(at);
	let order = order(contract, prov);
	let all = Contracts::<Test>::get(contract).unwrap().members_at(&ts).keepers.to_vec();
	assert_ok!(Upkeep::pay(
		origin(&order[place]),
		contract,
		prov.clone(),
		ts,
		te,
		st,
		attest_by(&all, contract, prov, ts, te, st),
	));
}

#[test]
fn create_holds_escrow_and_deposit_with_default_terms() {
	run(|| {
		let before = free(&user());
		let id = create(4, 2, 10_000);
		let deposit = CONTRACT_DEPOSIT + 4 * KEEPER_DEPOSIT + 2 * PROVIDER_DEPOSIT;
		assert_eq!(free(&user()), before - 10_000 - deposit);
		assert_eq!(Balances::balance_on_hold(&HoldReason::Escrow.into(), &user()), 10_000);
		let info = Upkeep::contract_info(id).unwrap();
		assert_eq!(info.terms.tolerance, 10_000);
		assert_eq!(
			info.terms.split,
			Split { provider: Perbill::from_percent(90), leader_bonus: Perbill::zero() }
		);
		assert_eq!(info.keepers, keepers(4));
		assert_eq!(info.providers, providers(2));
		assert_eq!(info.started, 1);
		for p in providers(2) {
			let s = Providers::<Test>::get(id, &p).unwrap();
			assert_eq!((s.paid_until, s.last_paid_at), (1, 1));
		}
		assert_eq!(
			last_event(),
			Event::Created {
				contract: id,
				owner: user(),
				keepers: 4,
				providers: 2,
				escrow: 10_000,
				deposit
			}
		);
		assert_eq!(Upkeep::contracts_of(user(), None, 10).len(), 1);
	});
}

#[test]
fn create_rejects_bad_members_and_terms_each_with_its_error() {
	run(|| {
		let k = keepers(4);
		let p = providers(2);
		let call = |k: Vec<AccountId>, p: Vec<AccountId>, period, window, tol, split, escrow| {
			Upkeep::create(
				origin(&user()),
				bounded(k),
				bounded(p),
				PRICE,
				period,
				window,
				escrow,
				tol,
				split,
			)
		};
		assert_noop!(call(vec![], p.clone(), 10, 3, None, None, 0), Error::<Test>::NoKeepers);
		assert_noop!(call(k.clone(), vec![], 10, 3, None, None, 0), Error::<Test>::NoProviders);
		let mut dup = k.clone();
		dup.push(k[0].clone());
		assert_noop!(call(dup, p.clone(), 10, 3, None, None, 0), Error::<Test>::DuplicateMember);
		assert_noop!(
			call(k.clone(), vec![p[0].clone(), p[0].clone()], 10, 3, None, None, 0),
			Error::<Test>::DuplicateMember
		);
		assert_noop!(
			call(k.clone(), vec![k[1].clone()], 10, 3, None, None, 0),
			Error::<Test>::ProviderIsKeeper
		);
		assert_noop!(call(k.clone(), p.clone(), 0, 3, None, None, 0), Error::<Test>::ZeroPeriod);
		assert_noop!(call(k.clone(), p.clone(), 10, 0, None, None, 0), Error::<Test>::ZeroWindow);
		assert_noop!(
			call(k.clone(), p.clone(), 10, 3, Some(0), None, 0),
			Error::<Test>::ZeroTolerance
		);
		let greedy =
			Split { provider: Perbill::from_percent(95), leader_bonus: Perbill::from_percent(6) };
		assert_noop!(
			call(k.clone(), p.clone(), 10, 3, None, Some(greedy), 0),
			Error::<Test>::BadSplit
		);
		assert_noop!(
			call(k.clone(), p.clone(), 10, 3, None, None, ENDOWMENT),
			Error::<Test>::InsufficientFunds
		);
		assert_eq!(NextContractId::<Test>::get(), 0);
	});
}

#[test]
fn leader_order_is_keepers_sorted_by_hash_of_last_payment_block_and_keeper() {
	run(|| {
		let id = create(7, 1, 10_000);
		let p = provider(0);
		let mut expected = keepers(7);
		expected.sort_by_key(|k| sp_io::hashing::blake2_256(&(1u64, k).encode()));
		assert_eq!(order(id, &p), expected);
		// Keeper i (1-based) may pay only in [ts + h + (i-1)t, ts + h + it).
		for (i, w) in Upkeep::windows(id, p.clone()).iter().enumerate() {
			assert_eq!(w.start, 1 + PERIOD + i as u64 * WINDOW);
			assert_eq!(w.end, 1 + PERIOD + (i as u64 + 1) * WINDOW);
		}
		// The order changes with the block of the last payment.
		pay_at(id, &p, 11, 0, 1, 11, 100);
		let mut next = keepers(7);
		next.sort_by_key(|k| sp_io::hashing::blake2_256(&(11u64, k).encode()));
		assert_eq!(order(id, &p), next);
		assert_ne!(next, expected);
	});
}

#[test]
fn leader_query_says_who_may_pay_now_and_until_when() {
	run(|| {
		let id = create(4, 1, 10_000);
		let p = provider(0);
		let order = order(id, &p);
		assert_eq!(Upkeep::leader(id, p.clone(), Some(10)), None);
		let l = Upkeep::leader(id, p.clone(), Some(11)).unwrap();
		assert_eq!(
			(l.keeper.clone(), l.position, l.window_start, l.window_end),
			(order[0].clone(), 1, 11, 14)
		);
		assert!(l.failed.is_empty());
		let l = Upkeep::leader(id, p.clone(), Some(18)).unwrap();
		assert_eq!(
			(l.keeper.clone(), l.position, l.window_end, l.cycle),
			(order[2].clone(), 3, 20, 0)
		);
		assert_eq!(l.failed, order[..2].to_vec());
		// After all four windows the order starts over, everyone failed.
		let l = Upkeep::leader(id, p.clone(), Some(23)).unwrap();
		assert_eq!((l.keeper.clone(), l.position, l.cycle), (order[0].clone(), 1, 1));
		assert_eq!(l.failed.len(), 4);
		// By default the next block: block 10 now, so block 11.
		go_to(10);
		assert_eq!(Upkeep::leader(id, p, None).unwrap().window_start, 11);
	});
}

#[test]
fn a_payment_splits_price_times_st_between_provider_and_keepers() {
	run(|| {
		let id = create(4, 2, 1_000_000);
		let p = provider(0);
		let ks = keepers(4);
		let before: Vec<Balance> = ks.iter().map(free).collect();
		let before_p = free(&p);
		// f = 1: three attestations suffice.
		go_to(12);
		let leader = order(id, &p)[0].clone();
		let signers = vec![ks[0].clone(), ks[1].clone(), ks[2].clone()];
		let atts = attest_by(&signers, id, &p, 1, 12, 10_000);
		assert_ok!(Upkeep::pay(origin(&leader), id, p.clone(), 1, 12, 10_000, atts.clone()));
		// 2 × 10 000 = 20 000: 18 000 to the provider, 2 000 / 4 = 500 to each keeper.
		assert_eq!(free(&p), before_p + 18_000);
		for (k, b) in ks.iter().zip(before) {
			assert_eq!(free(k), b + 500);
		}
		assert_eq!(escrow_of(id), 1_000_000 - 20_000);
		let s = Providers::<Test>::get(id, &p).unwrap();
		let digest = H256(sp_io::hashing::blake2_256(&atts.encode()));
		assert_eq!((s.paid_until, s.last_paid_at), (12, 12));
		assert_eq!((s.last_payer, s.last_digest), (Some(leader.clone()), Some(digest)));
		assert!(s.last_failed.is_empty());
		let record = Upkeep::payments(id, None, 10).pop().unwrap();
		assert_eq!((record.ts, record.te, record.st, record.paid), (1, 12, 10_000, 20_000));
		assert_eq!(
			(record.to_provider, record.to_each_keeper, record.keepers_paid),
			(18_000, 500, 4)
		);
		assert!(matches!(
			last_event(),
			Event::Paid { to_provider: 18_000, to_each_keeper: 500, capped: false, .. }
		));
		// The other provider's period is independent.
		assert_eq!(Providers::<Test>::get(id, provider(1)).unwrap().paid_until, 1);
	});
}

#[test]
fn only_the_keeper_whose_window_is_open_may_pay() {
	run(|| {
		let id = create(4, 1, 1_000_000);
		let p = provider(0);
		let order = order(id, &p);
		let all = attest_by(&keepers(4), id, &p, 1, 10, 500);
		// Before ts + h: nobody.
		go_to(10);
		assert_noop!(
			Upkeep::pay(origin(&order[0]), id, p.clone(), 1, 10, 500, all.clone()),
			Error::<Test>::TooEarly
		);
		// In the first window only the first keeper; not the second, not the provider.
		go_to(11);
		assert_noop!(
			Upkeep::pay(origin(&order[1]), id, p.clone(), 1, 10, 500, all.clone()),
			Error::<Test>::NotLeader
		);
		assert_noop!(
			Upkeep::pay(origin(&p), id, p.clone(), 1, 10, 500, all.clone()),
			Error::<Test>::NotLeader
		);
		// Its window is [11, 14): at 14 it is late and the second keeper's turn.
		go_to(14);
		assert_noop!(
			Upkeep::pay(origin(&order[0]), id, p.clone(), 1, 10, 500, all.clone()),
			Error::<Test>::NotLeader
		);
		assert_ok!(Upkeep::pay(origin(&order[1]), id, p.clone(), 1, 10, 500, all));
	});
}

#[test]
fn keepers_whose_window_passed_are_failed_and_get_no_share() {
	run(|| {
		let id = create(4, 1, 1_000_000);
		let p = provider(0);
		let order = order(id, &p);
		let before: Vec<Balance> = order.iter().map(free).collect();
		// Third window: [17, 20).
		pay_at(id, &p, 18, 2, 1, 18, 10_000);
		// 2 000 for the keepers, split between the two not failed.
		assert_eq!(free(&order[0]), before[0]);
		assert_eq!(free(&order[1]), before[1]);
		assert_eq!(free(&order[2]), before[2] + 1_000);
		assert_eq!(free(&order[3]), before[3] + 1_000);
		let s = Providers::<Test>::get(id, &p).unwrap();
		assert_eq!(s.last_failed.to_vec(), order[..2].to_vec());
		assert!(
			matches!(last_event(), Event::Paid { failed, .. } if failed.to_vec() == order[..2])
		);
	});
}

#[test]
fn after_a_full_rotation_everyone_is_failed_and_the_keepers_part_stays_in_escrow() {
	run(|| {
		let id = create(4, 1, 1_000_000);
		let p = provider(0);
		let order = order(id, &p);
		let before: Vec<Balance> = order.iter().map(free).collect();
		// Windows [11, 23) passed; at 23 the first keeper's turn again, in cycle 1.
		pay_at(id, &p, 23, 0, 1, 23, 10_000);
		for (k, b) in order.iter().zip(before) {
			assert_eq!(free(k), b);
		}
		assert_eq!(escrow_of(id), 1_000_000 - 18_000);
		assert_eq!(Providers::<Test>::get(id, &p).unwrap().last_failed.len(), 4);
	});
}

#[test]
fn a_leader_bonus_goes_to_the_keeper_that_pays() {
	run(|| {
		let split =
			Split { provider: Perbill::from_percent(90), leader_bonus: Perbill::from_percent(1) };
		let id = create_with(4, 1, 1_000_000, Some(split));
		let p = provider(0);
		let order = order(id, &p);
		let before: Vec<Balance> = order.iter().map(free).collect();
		pay_at(id, &p, 15, 1, 1, 15, 10_000);
		// 20 000: 18 000 provider, 200 bonus, 1 800 / 3 keepers not failed.
		assert_eq!(free(&order[0]), before[0]);
		assert_eq!(free(&order[1]), before[1] + 600 + 200);
		assert_eq!(free(&order[2]), before[2] + 600);
		assert_eq!(free(&order[3]), before[3] + 600);
		assert_eq!(escrow_of(id), 1_000_000 - 20_000);
		// One transfer carried the leader's part and bonus; the record keeps them apart.
		let record = Payments::<Test>::get(id, 0).unwrap();
		assert_eq!((record.to_each_keeper, record.bonus, record.paid), (600, 200, 20_000));
		let transfers = System::events()
			.into_iter()
			.filter(|r| {
				matches!(
					&r.event,
					RuntimeEvent::Balances(pallet_balances::Event::TransferOnHold { dest, .. })
						if *dest == order[1]
				)
			})
			.count();
		assert_eq!(transfers, 1);
	});
}

#[test]
fn a_leader_bonus_too_small_alone_is_paid_with_the_share() {
	run(|| {
		// Part and bonus each below the existential deposit of a new account, together above.
		let ed: Balance = ExistentialDeposit::get();
		let split =
			Split { provider: Perbill::from_percent(50), leader_bonus: Perbill::from_percent(25) };
		let owner = account("Other");
		let newcomer = account("K63");
		let id = create_by(&owner, vec![newcomer.clone()], 1, 1_000_000, Some(split));
		let p = provider(0);
		// Empty the newcomer's account: its share and bonus must open it again.
		let all = Balances::free_balance(&newcomer);
		assert_ok!(Balances::transfer_allow_death(origin(&newcomer), user(), all));
		assert!(!System::account_exists(&newcomer));
		// 2 per unit: `st` units pay 2·st; half to the provider, a quarter each to keepers and bonus.
		let st = ed as u128 * 3 / 2;
		let part = (2 * st as Balance) / 4;
		assert!(part < ed && 2 * part >= ed, "part {part}, ED {ed}");
		go_to(11);
		assert_ok!(Upkeep::pay(
			origin(&newcomer),
			id,
			p.clone(),
			1,
			11,
			st,
			attest_by(core::slice::from_ref(&newcomer), id, &p, 1, 11, st),
		));
		assert_eq!(free(&newcomer), 2 * part);
		let record = Payments::<Test>::get(id, 0).unwrap();
		assert_eq!((record.to_each_keeper, record.bonus), (part, part));
	});
}

#[test]
fn a_payment_is_charged_for_the_writes_it_made() {
	run(|| {
		let db = <Test as frame_system::Config>::DbWeight::get();
		let full = <() as crate::WeightInfo>::pay(1);
		let pay = |owner: &AccountId, keeper: &AccountId, ts: u64, te: u64| {
			let id = Contracts::<Test>::iter()
				.find(|(_, c)| c.owner == *owner)
				.map(|(id, _)| id)
				.expect("the owner's contract");
			go_to(te);
			let p = provider(0);
			let attestations = attest_by(core::slice::from_ref(keeper), id, &p, ts, te, 5);
			Upkeep::pay(origin(keeper), id, p, ts, te, 5, attestations)
				.expect("pays")
				.actual_weight
				.expect("a payment states its weight")
		};
		let k = keepers(1)[0].clone();
		create(1, 1, 1_000_000);
		// The mock keeps 4 payments: the first 4 drop no record, one write fewer.
		for i in 0..4u64 {
			assert_eq!(pay(&user(), &k, 1 + 10 * i, 11 + 10 * i), full - db.writes(1));
		}
		// The fifth drops the oldest: the whole benchmark.
		assert_eq!(pay(&user(), &k, 41, 51), full);

		// An owner that keeps its own contract pays itself: its account is touched once.
		let own = account("Other");
		create_by(&own, vec![own.clone()], 1, 1_000_000, None);
		let start = System::block_number();
		assert_eq!(
			pay(&own, &own, start, start + PERIOD),
			full - db.writes(1) - db.reads_writes(1, 1)
		);
	});
}

#[test]
fn periods_have_no_gap_and_no_overlap_and_end_by_now() {
	run(|| {
		let id = create(1, 1, 1_000_000);
		let p = provider(0);
		let k = keepers(1)[0].clone();
		go_to(11);
		let pay = |ts: u64, te: u64| {
			Upkeep::pay(
				origin(&k),
				id,
				p.clone(),
				ts,
				te,
				5,
				attest_by(core::slice::from_ref(&k), id, &p, ts, te, 5),
			)
		};
		assert_noop!(pay(0, 11), Error::<Test>::WrongPeriodStart);
		assert_noop!(pay(2, 11), Error::<Test>::WrongPeriodStart);
		assert_noop!(pay(1, 1), Error::<Test>::EmptyPeriod);
		assert_noop!(pay(1, 12), Error::<Test>::PeriodInFuture);
		assert_ok!(pay(1, 11));
		// The next period starts at 11: an overlap with [1, 11) or a gap after it is refused.
		go_to(21);
		assert_noop!(pay(1, 21), Error::<Test>::WrongPeriodStart);
		assert_noop!(pay(12, 21), Error::<Test>::WrongPeriodStart);
		assert_ok!(pay(11, 21));
	});
}

#[test]
fn one_payment_per_provider_per_period() {
	run(|| {
		let id = create(1, 1, 1_000_000);
		let p = provider(0);
		let k = keepers(1)[0].clone();
		pay_at(id, &p, 15, 0, 1, 12, 5);
		// The rest of the elapsed time is there to pay, but a period has not passed since.
		for at in [15, 20, 24] {
			go_to(at);
			assert_noop!(
				Upkeep::pay(
					origin(&k),
					id,
					p.clone(),
					12,
					15,
					5,
					attest_by(core::slice::from_ref(&k), id, &p, 12, 15, 5)
				),
				Error::<Test>::TooEarly
			);
		}
		pay_at(id, &p, 25, 0, 12, 25, 5);
	});
}

#[test]
fn at_least_2f_plus_1_distinct_keepers_must_attest() {
	run(|| {
		// Seven keepers: f = 2, five attestations needed.
		let id = create(7, 1, 1_000_000);
		let p = provider(0);
		let ks = keepers(7);
		go_to(11);
		let leader = order(id, &p)[0].clone();
		let four = attest_by(&ks[..4], id, &p, 1, 11, 50);
		assert_noop!(
			Upkeep::pay(origin(&leader), id, p.clone(), 1, 11, 50, four.clone()),
			Error::<Test>::TooFewAttestations
		);
		let mut dup = four.clone();
		dup.try_push(four[0].clone()).unwrap();
		assert_noop!(
			Upkeep::pay(origin(&leader), id, p.clone(), 1, 11, 50, dup),
			Error::<Test>::DuplicateAttestation
		);
		let mut outsider = four.clone();
		outsider.try_push(attest(&account("Other"), id, &p, 1, 11, 50)).unwrap();
		assert_noop!(
			Upkeep::pay(origin(&leader), id, p.clone(), 1, 11, 50, outsider),
			Error::<Test>::NotAKeeper
		);
		let mut by_provider = four.clone();
		by_provider.try_push(attest(&p, id, &p, 1, 11, 50)).unwrap();
		assert_noop!(
			Upkeep::pay(origin(&leader), id, p.clone(), 1, 11, 50, by_provider),
			Error::<Test>::NotAKeeper
		);
		assert_ok!(Upkeep::pay(
			origin(&leader),
			id,
			p.clone(),
			1,
			11,
			50,
			attest_by(&ks[..5], id, &p, 1, 11, 50)
		));
	});
}

#[test]
fn forged_foreign_and_other_chain_signatures_are_refused() {
	run(|| {
		let id = create(4, 2, 1_000_000);
		let other = create(4, 2, 1_000_000);
		let p = provider(0);
		let ks = keepers(4);
		go_to(11);
		let leader = order(id, &p)[0].clone();
		let good = attest_by(&ks[..2], id, &p, 1, 11, 50);
		let with = |a: AttestationOf<Test>| {
			let mut v = good.clone();
			v.try_push(a).unwrap();
			v
		};
		// Signed for another contract (same keepers, same period).
		let foreign = attest(&ks[2], other, &p, 1, 11, 50);
		assert_noop!(
			Upkeep::pay(origin(&leader), id, p.clone(), 1, 11, 50, with(foreign.clone())),
			Error::<Test>::ForeignAttestation
		);
		// The same signature relabelled as ours: the signed bytes name the other contract.
		let relabelled = Attestation { contract: id, ..foreign };
		assert_noop!(
			Upkeep::pay(origin(&leader), id, p.clone(), 1, 11, 50, with(relabelled)),
			Error::<Test>::BadSignature
		);
		// Signed for another provider.
		let other_provider = attest(&ks[2], id, &provider(1), 1, 11, 50);
		assert_noop!(
			Upkeep::pay(origin(&leader), id, p.clone(), 1, 11, 50, with(other_provider)),
			Error::<Test>::ForeignAttestation
		);
		// Forged: the keeper's name on another key's signature.
		let mut forged = attest(&account("Other"), id, &p, 1, 11, 50);
		forged.keeper = ks[2].clone();
		assert_noop!(
			Upkeep::pay(origin(&leader), id, p.clone(), 1, 11, 50, with(forged)),
			Error::<Test>::BadSignature
		);
		// Signed on another chain: the payload carries another genesis hash.
		let foreign_chain =
			(ATTESTATION_TAG, H256::repeat_byte(7), id, p.clone(), 1u64, 11u64, 50u128).encode();
		let mut other_chain = attest(&ks[2], id, &p, 1, 11, 50);
		other_chain.signature = MultiSignature::from(pair_of(&ks[2]).sign(&foreign_chain));
		assert_noop!(
			Upkeep::pay(origin(&leader), id, p.clone(), 1, 11, 50, with(other_chain)),
			Error::<Test>::BadSignature
		);
		// Another st than the one signed.
		let mut altered = attest(&ks[2], id, &p, 1, 11, 50);
		altered.st = 51;
		assert_noop!(
			Upkeep::pay(origin(&leader), id, p.clone(), 1, 11, 50, with(altered)),
			Error::<Test>::BadSignature
		);
		// A different period than [ts, te).
		let mismatch = attest(&ks[2], id, &p, 1, 10, 50);
		assert_noop!(
			Upkeep::pay(origin(&leader), id, p.clone(), 1, 11, 50, with(mismatch)),
			Error::<Test>::AttestationPeriodMismatch
		);
		assert_ok!(Upkeep::pay(
			origin(&leader),
			id,
			p.clone(),
			1,
			11,
			50,
			with(attest(&ks[2], id, &p, 1, 11, 50))
		));
	});
}

#[test]
fn ed25519_and_ecdsa_keepers_sign_too() {
	run(|| {
		let ed = sp_core::ed25519::Pair::from_string("//EdKeeper", None).unwrap();
		let ec = sp_core::ecdsa::Pair::from_string("//EcKeeper", None).unwrap();
		let ed_acc: AccountId = sp_runtime::MultiSigner::from(ed.public()).into_account();
		let ec_acc: AccountId = sp_runtime::MultiSigner::from(ec.public()).into_account();
		use sp_runtime::traits::IdentifyAccount;
		let sr = keepers(1)[0].clone();
		for who in [&ed_acc, &ec_acc] {
			frame_support::assert_ok!(Balances::force_set_balance(
				RuntimeOrigin::root(),
				who.clone(),
				ENDOWMENT
			));
		}
		assert_ok!(Upkeep::create(
			origin(&user()),
			bounded(vec![sr.clone(), ed_acc.clone(), ec_acc.clone()]),
			bounded(providers(1)),
			PRICE,
			PERIOD,
			WINDOW,
			1_000_000,
			None,
			None,
		));
		let p = provider(0);
		let payload = Upkeep::attestation_payload(0, &p, 1, 11, 50);
		let sign = |who: &AccountId, signature: MultiSignature| Attestation {
			keeper: who.clone(),
			contract: 0,
			provider: p.clone(),
			ts: 1,
			te: 11,
			st: 50,
			signature,
		};
		let atts = BoundedVec::truncate_from(vec![
			sign(&ed_acc, ed.sign(&payload).into()),
			sign(&ec_acc, ec.sign(&payload).into()),
		]);
		go_to(11);
		let leader = order(0, &p)[0].clone();
		assert_ok!(Upkeep::pay(origin(&leader), 0, p.clone(), 1, 11, 50, atts));
	});
}

#[test]
fn attestations_of_a_paid_period_cannot_be_replayed() {
	run(|| {
		let id = create(1, 1, 1_000_000);
		let p = provider(0);
		let k = keepers(1)[0].clone();
		let first = attest_by(core::slice::from_ref(&k), id, &p, 1, 11, 50);
		go_to(11);
		assert_ok!(Upkeep::pay(origin(&k), id, p.clone(), 1, 11, 50, first.clone()));
		go_to(21);
		assert_noop!(
			Upkeep::pay(origin(&k), id, p.clone(), 11, 21, 50, first),
			Error::<Test>::ReplayedAttestation
		);
	});
}

#[test]
fn f_plus_1_attesting_keepers_must_agree_within_tolerance() {
	run(|| {
		// Four keepers: f = 1; three attest, two must agree with st.
		let id = create(4, 1, 100_000_000);
		let p = provider(0);
		let ks = keepers(4);
		go_to(11);
		let leader = order(id, &p)[0].clone();
		let atts = |values: [u128; 3]| -> AttestationsOf<Test> {
			BoundedVec::truncate_from(
				ks.iter().zip(values).map(|(k, v)| attest(k, id, &p, 1, 11, v)).collect(),
			)
		};
		// 19 999 and 10 000 agree (both 1 after division by 10 000); 20 000 does not.
		assert_noop!(
			Upkeep::pay(
				origin(&leader),
				id,
				p.clone(),
				1,
				11,
				19_999,
				atts([10_000, 20_000, 9_999])
			),
			Error::<Test>::NoAgreement
		);
		assert_ok!(Upkeep::pay(
			origin(&leader),
			id,
			p.clone(),
			1,
			11,
			19_999,
			atts([10_000, 20_000, 19_999])
		));
	});
}

#[test]
fn a_configured_tolerance_applies() {
	run(|| {
		assert_ok!(Upkeep::create(
			origin(&user()),
			bounded(keepers(1)),
			bounded(providers(1)),
			PRICE,
			PERIOD,
			WINDOW,
			1_000_000,
			Some(1),
			None,
		));
		let p = provider(0);
		let k = keepers(1)[0].clone();
		go_to(11);
		assert_noop!(
			Upkeep::pay(
				origin(&k),
				0,
				p.clone(),
				1,
				11,
				100,
				attest_by(core::slice::from_ref(&k), 0, &p, 1, 11, 101)
			),
			Error::<Test>::NoAgreement
		);
		assert_ok!(Upkeep::pay(
			origin(&k),
			0,
			p.clone(),
			1,
			11,
			100,
			attest_by(core::slice::from_ref(&k), 0, &p, 1, 11, 100)
		));
	});
}

#[test]
fn the_payment_is_capped_by_the_escrow_and_an_empty_escrow_pays_nothing() {
	run(|| {
		let id = create(4, 1, 10_000);
		let p = provider(0);
		let before_p = free(&p);
		// price × st = 20 000 > 10 000 in escrow: 9 000 to the provider, 250 to each keeper.
		pay_at(id, &p, 11, 0, 1, 11, 10_000);
		assert_eq!(free(&p), before_p + 9_000);
		assert_eq!(escrow_of(id), 0);
		assert!(matches!(last_event(), Event::Paid { capped: true, paid: 10_000, .. }));
		go_to(21);
		let leader = order(id, &p)[0].clone();
		let atts = attest_by(&keepers(4), id, &p, 11, 21, 100);
		assert_noop!(
			Upkeep::pay(origin(&leader), id, p.clone(), 11, 21, 100, atts.clone()),
			Error::<Test>::EscrowExhausted
		);
		assert_ok!(Upkeep::top_up(origin(&user()), id, 1_000));
		assert_ok!(Upkeep::pay(origin(&leader), id, p.clone(), 11, 21, 100, atts));
		assert_eq!(escrow_of(id), 1_000 - 200);
	});
}

#[test]
fn a_part_below_the_existential_deposit_of_a_new_account_stays_in_escrow() {
	run(|| {
		let fresh = account("Fresh");
		assert_ok!(Upkeep::create(
			origin(&user()),
			bounded(keepers(1)),
			bounded(vec![fresh.clone()]),
			1,
			PERIOD,
			WINDOW,
			1_000,
			None,
			None,
		));
		let k = keepers(1)[0].clone();
		go_to(11);
		// st 4: 90 % is 3 (floor) < ED 5 for an account that does not exist; the keeper's 0.
		assert_ok!(Upkeep::pay(
			origin(&k),
			0,
			fresh.clone(),
			1,
			11,
			4,
			attest_by(core::slice::from_ref(&k), 0, &fresh, 1, 11, 4)
		));
		assert_eq!(free(&fresh), 0);
		assert_eq!(escrow_of(0), 1_000);
	});
}

#[test]
fn member_changes_apply_from_each_providers_next_period() {
	run(|| {
		let id = create(4, 2, 1_000_000);
		let old = keepers(4);
		let new: Vec<AccountId> = keepers(8)[4..].to_vec();
		let (p0, p1, p2) = (provider(0), provider(1), provider(2));
		go_to(5);
		// P1 leaves, P2 joins, new keepers from block 5.
		assert_ok!(Upkeep::change_members(
			origin(&user()),
			id,
			bounded(new.clone()),
			bounded(vec![p0.clone(), p2.clone()])
		));
		let deposit = CONTRACT_DEPOSIT + 8 * KEEPER_DEPOSIT + 4 * PROVIDER_DEPOSIT;
		assert_eq!(Contracts::<Test>::get(id).unwrap().deposit, deposit);
		// P0's current period [1, ...) began under the old keepers: the new ones cannot attest it.
		go_to(12);
		let leader = order(id, &p0)[0].clone();
		assert!(old.contains(&leader));
		assert_noop!(
			Upkeep::pay(
				origin(&leader),
				id,
				p0.clone(),
				1,
				12,
				50,
				attest_by(&new, id, &p0, 1, 12, 50)
			),
			Error::<Test>::NotAKeeper
		);
		assert_ok!(Upkeep::pay(
			origin(&leader),
			id,
			p0.clone(),
			1,
			12,
			50,
			attest_by(&old, id, &p0, 1, 12, 50)
		));
		// P1 is paid for its last period under the old keepers (second window).
		pay_at(id, &p1, 14, 1, 1, 14, 50);
		// P2 joined at 5 and is paid by the new keepers from there.
		pay_at(id, &p2, 15, 0, 5, 15, 50);
		// P0's next period is the new keepers'.
		assert!(new.contains(&order(id, &p0)[0]));
		pay_at(id, &p0, 22, 0, 12, 22, 50);
		// P1 left: no period after its last one under the old members.
		go_to(30);
		let k = order(id, &p1)[0].clone();
		assert_noop!(
			Upkeep::pay(
				origin(&k),
				id,
				p1.clone(),
				14,
				30,
				50,
				attest_by(&new, id, &p1, 14, 30, 50)
			),
			Error::<Test>::NotAProvider
		);
	});
}

#[test]
fn a_second_change_waits_until_old_periods_are_paid_or_abandoned() {
	run(|| {
		let id = create(4, 1, 1_000_000);
		let p = provider(0);
		let same = || (bounded(keepers(4)), bounded(providers(1)));
		go_to(5);
		let (k, ps) = same();
		assert_ok!(Upkeep::change_members(
			origin(&user()),
			id,
			k,
			bounded(vec![provider(0), provider(1)])
		));
		let (k, ps2) = same();
		let _ = ps;
		assert_noop!(
			Upkeep::change_members(origin(&user()), id, k.clone(), ps2.clone()),
			Error::<Test>::ChangePending
		);
		// Once P0 is paid past block 5 the change is settled: P1 stays, deposit as one list.
		pay_at(id, &p, 11, 0, 1, 11, 50);
		assert_ok!(Upkeep::change_members(origin(&user()), id, k, ps2));
		let c = Contracts::<Test>::get(id).unwrap();
		assert_eq!(c.members.providers.to_vec(), vec![provider(0), provider(1)]);
		// P1 is removed by the new (pending) change; its state stays until that one settles.
		assert!(Providers::<Test>::contains_key(id, provider(1)));
		// Abandoned: P1 never paid, but after h + n·t blocks the change settles anyway.
		let (k, ps3) = same();
		go_to(11 + PERIOD + 4 * WINDOW - 1);
		assert_noop!(
			Upkeep::change_members(origin(&user()), id, k.clone(), ps3.clone()),
			Error::<Test>::ChangePending
		);
		go_to(11 + PERIOD + 4 * WINDOW);
		assert_ok!(Upkeep::change_members(origin(&user()), id, k, ps3));
		assert!(!Providers::<Test>::contains_key(id, provider(1)));
	});
}

#[test]
fn only_the_owner_manages_a_contract() {
	run(|| {
		let id = create(4, 1, 1_000);
		let other = account("Other");
		assert_noop!(Upkeep::top_up(origin(&other), id, 1), Error::<Test>::NotOwner);
		assert_noop!(
			Upkeep::change_members(origin(&other), id, bounded(keepers(1)), bounded(providers(1))),
			Error::<Test>::NotOwner
		);
		assert_noop!(Upkeep::close(origin(&other), id), Error::<Test>::NotOwner);
		assert_noop!(Upkeep::finish(origin(&other), id), Error::<Test>::NotOwner);
		assert_noop!(Upkeep::top_up(origin(&user()), 9, 1), Error::<Test>::UnknownContract);
		assert_noop!(
			Upkeep::top_up(origin(&user()), id, ENDOWMENT),
			Error::<Test>::InsufficientFunds
		);
	});
}

#[test]
fn closing_ends_periods_and_finish_refunds_once_everyone_is_paid() {
	run(|| {
		let id = create(4, 2, 1_000_000);
		let (p0, p1) = (provider(0), provider(1));
		let before = free(&user());
		go_to(11);
		assert_noop!(Upkeep::finish(origin(&user()), id), Error::<Test>::NotClosed);
		assert_ok!(Upkeep::close(origin(&user()), id));
		assert_noop!(Upkeep::close(origin(&user()), id), Error::<Test>::ContractClosed);
		assert_noop!(Upkeep::top_up(origin(&user()), id, 1), Error::<Test>::ContractClosed);
		assert_noop!(
			Upkeep::change_members(origin(&user()), id, bounded(keepers(1)), bounded(providers(1))),
			Error::<Test>::ContractClosed
		);
		go_to(12);
		let leader = order(id, &p0)[0].clone();
		assert_noop!(
			Upkeep::pay(
				origin(&leader),
				id,
				p0.clone(),
				1,
				12,
				50,
				attest_by(&keepers(4), id, &p0, 1, 12, 50)
			),
			Error::<Test>::PeriodAfterClose
		);
		pay_at(id, &p0, 12, 0, 1, 11, 50);
		assert_noop!(Upkeep::finish(origin(&user()), id), Error::<Test>::PaymentsOutstanding);
		pay_at(id, &p1, 12, 0, 1, 11, 50);
		let deposit = Contracts::<Test>::get(id).unwrap().deposit;
		let escrow = escrow_of(id);
		assert_ok!(Upkeep::finish(origin(&user()), id));
		// Each payment of 100: 90 to the provider, 2 to each of four keepers, 2 of dust stays.
		assert_eq!(escrow, 1_000_000 - 2 * 98);
		assert_eq!(free(&user()), before + escrow + deposit);
		assert!(Contracts::<Test>::get(id).is_none());
		assert_eq!(Providers::<Test>::iter_prefix(id).count(), 0);
		assert_eq!(Payments::<Test>::iter_prefix(id).count(), 0);
		assert!(Upkeep::contracts_of(user(), None, 10).is_empty());
		assert_eq!(Balances::balance_on_hold(&HoldReason::Escrow.into(), &user()), 0);
		assert!(matches!(last_event(), Event::Finished { refunded, .. } if refunded == escrow));
	});
}

#[test]
fn an_unpaid_last_period_is_abandoned_after_a_period_and_a_rotation() {
	run(|| {
		let id = create(4, 1, 1_000_000);
		go_to(20);
		assert_ok!(Upkeep::close(origin(&user()), id));
		go_to(20 + PERIOD + 4 * WINDOW - 1);
		assert_noop!(Upkeep::finish(origin(&user()), id), Error::<Test>::PaymentsOutstanding);
		go_to(20 + PERIOD + 4 * WINDOW);
		assert_ok!(Upkeep::finish(origin(&user()), id));
	});
}

#[test]
fn history_keeps_the_last_payments_and_pages() {
	run(|| {
		let id = create(1, 1, 1_000_000);
		let p = provider(0);
		let mut ts = 1;
		for i in 1..=6u64 {
			let at = 1 + i * PERIOD;
			pay_at(id, &p, at, 0, ts, at, 7);
			ts = at;
		}
		// MaxHistory is 4: payments 2..=5 are kept.
		let all = Upkeep::payments(id, None, 100);
		assert_eq!(all.iter().map(|r| r.seq).collect::<Vec<_>>(), vec![2, 3, 4, 5]);
		assert_eq!(
			Upkeep::payments(id, Some(2), 2).iter().map(|r| r.seq).collect::<Vec<_>>(),
			vec![3, 4]
		);
		assert_eq!(Upkeep::payments(id, Some(0), 1)[0].seq, 2);
		assert!(Upkeep::payments(id, Some(5), 10).is_empty());
	});
}

#[test]
fn providers_declare_maintenance_windows_within_bounds() {
	run(|| {
		let id = create(1, 1, 1_000);
		let p = provider(0);
		go_to(10);
		let declare =
			|who: &AccountId, s: u64, e: u64| Upkeep::declare_maintenance(origin(who), id, s, e);
		assert_noop!(declare(&keepers(1)[0], 10, 20), Error::<Test>::NotAProvider);
		assert_noop!(declare(&p, 9, 20), Error::<Test>::BadMaintenanceWindow);
		assert_noop!(declare(&p, 20, 20), Error::<Test>::BadMaintenanceWindow);
		assert_noop!(declare(&p, 20, 71), Error::<Test>::MaintenanceTooLong);
		assert_ok!(declare(&p, 20, 70));
		// At most half of the time: the next window starts 50 blocks after this one ends.
		assert_noop!(declare(&p, 60, 80), Error::<Test>::MaintenanceTooSoon);
		assert_noop!(declare(&p, 119, 130), Error::<Test>::MaintenanceTooSoon);
		assert_ok!(declare(&p, 120, 130));
		assert_noop!(declare(&p, 180, 185), Error::<Test>::TooManyMaintenanceWindows);
		// Past windows are dropped, freeing their slots.
		go_to(71);
		assert_ok!(declare(&p, 180, 185));
		assert_eq!(Upkeep::providers_of(id)[0].maintenance, vec![(120, 130), (180, 185)]);
		assert_noop!(
			Upkeep::declare_maintenance(origin(&p), 7, 190, 195),
			Error::<Test>::UnknownContract
		);
	});
}
