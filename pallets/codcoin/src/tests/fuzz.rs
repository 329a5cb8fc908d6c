//! Randomized call sequences (issue: randomized invariant testing): every call of the pallet,
//! valid and invalid, from six accounts (one poor, one never funded) across many blocks, with
//! claims expiring under coins already issued. Inputs come mostly from the signer's own coins
//! of one issuer and otherwise from any coin ever seen (another's, spent, repeated).
//! `try_state` holds after every block; a rejected call changes nothing; COD is never created
//! or destroyed.

use codchain_fuzz::{campaign, coin_inputs, coin_outputs, remember, Run};

use super::*;

/// Never funded: every deposit it owes fails.
const EVE: AccountId = 6;
const ACCOUNTS: [AccountId; 6] = [ALICE, BOB, CHARLIE, AUDITOR, POOR, EVE];

fn inputs(run: &mut Run, seen: &[CoinId], who: AccountId) -> Vec<CoinId> {
	let own: Vec<(CoinId, AccountId)> = Coins::<Test>::iter()
		.filter(|(_, c)| c.holder == who)
		.map(|(id, c)| (id, c.issuer))
		.collect();
	coin_inputs(&mut run.rng, &own, seen, MAX_INPUTS as usize + 1).1
}

fn input_sum(ids: &[CoinId]) -> Option<Units> {
	ids.iter().try_fold(0 as Units, |acc, id| acc.checked_add(Coins::<Test>::get(id)?.amount))
}

/// Units near the type's top now and then: a `u128` sum is where an overflow would hide.
fn units(run: &mut Run, typical: u64) -> Units {
	match run.rng.below(10) {
		0 => Units::MAX,
		1 => Units::MAX - Units::from(run.rng.below(1_000)),
		_ => Units::from(run.rng.amount(typical)),
	}
}

/// Outputs for a pour of `total` units (split in two when it fits the helper's `u64`).
fn outputs(run: &mut Run, total: Option<Units>) -> Vec<(AccountId, Units)> {
	let total = total.and_then(|t| u64::try_from(t).ok());
	let mut list: Vec<(AccountId, Units)> = coin_outputs(&mut run.rng, &ACCOUNTS, total, 9, 1_000)
		.into_iter()
		.map(|(who, a)| (who, Units::from(a)))
		.collect();
	if let (Some(last), true) = (list.last_mut(), run.rng.chance(5)) {
		last.1 = units(run, 1_000);
	}
	list
}

fn claim_id(run: &mut Run, who: AccountId) -> ClaimId {
	let own: Vec<ClaimId> = Claims::<Test>::get(who).iter().map(|c| c.id).collect();
	if own.is_empty() || run.rng.chance(15) {
		return NextClaimId::<Test>::get().saturating_sub(run.rng.below(3));
	}
	*run.rng.pick(&own)
}

fn step(run: &mut Run, seen: &mut Vec<CoinId>) {
	let who = *run.rng.pick(&ACCOUNTS);
	let origin = RuntimeOrigin::signed(who);
	let now = System::block_number();
	match run.rng.below(100) {
		0..=9 => {
			let kind = match run.rng.below(3) {
				0 => ClaimKind::Stock { units: run.rng.amount(1_000) },
				1 => ClaimKind::Labour { person_hours: run.rng.amount(100) },
				_ => ClaimKind::Service { capacity: run.rng.amount(100) },
			};
			let value = units(run, 10_000);
			let expiry = match run.rng.below(4) {
				0 => now.saturating_sub(run.rng.below(2)),
				_ => now + run.rng.range(1, 40),
			};
			let attestor = run.rng.chance(30).then(|| *run.rng.pick(&ACCOUNTS));
			run.attempt("declare_claim", || {
				Codcoin::declare_claim(origin, kind, value, expiry, attestor)
			});
		},
		10..=14 => {
			let issuer = *run.rng.pick(&ACCOUNTS);
			let claim = claim_id(run, issuer);
			run.attempt("attest_claim", || Codcoin::attest_claim(origin, issuer, claim));
		},
		15..=19 => {
			let claim = claim_id(run, who);
			run.attempt("retire_claim", || Codcoin::retire_claim(origin, claim));
		},
		20..=34 => {
			let list = outputs(run, None);
			run.attempt("issue", || Codcoin::issue(origin, outs(&list)));
		},
		35..=49 => {
			let ids = inputs(run, seen, who);
			let list = outputs(run, input_sum(&ids));
			run.attempt("remint", || Codcoin::remint(origin, ins(&ids), outs(&list)));
		},
		50..=57 => {
			let ids = inputs(run, seen, who);
			run.attempt("destroy", || Codcoin::destroy(origin, ins(&ids)));
		},
		_ => {
			let ids = inputs(run, seen, who);
			let to = *run.rng.pick(&ACCOUNTS);
			let amount = match (input_sum(&ids), run.rng.chance(80)) {
				(Some(sum), true) if sum > 0 => {
					Units::from(run.rng.range(1, u64::try_from(sum).unwrap_or(u64::MAX)))
				},
				_ => units(run, 1_000),
			};
			run.attempt("pay", || Codcoin::pay(origin, ins(&ids), to, amount));
		},
	}
	remember(seen, Coins::<Test>::iter_keys());
}

fn next_block(run: &mut Run, issuance: Balance) {
	Codcoin::do_try_state()
		.unwrap_or_else(|e| panic!("seed {}: invariants broken: {e:?}", run.seed));
	assert_eq!(Balances::total_issuance(), issuance, "seed {}: COD created or destroyed", run.seed);
	// Events would pile up across the run (a test block never starts through `initialize`).
	System::reset_events();
	System::run_to_block::<AllPalletsWithSystem>(System::block_number() + 1);
	run.block();
}

#[test]
fn random_call_sequences_keep_every_invariant() {
	let tally = campaign("codcoin", 8, 1_500, new_test_ext, |run, steps| {
		let issuance = Balances::total_issuance();
		let mut seen = Vec::new();
		for i in 0..steps {
			step(run, &mut seen);
			if i % 8 == 7 {
				next_block(run, issuance);
			}
		}
		next_block(run, issuance);
	});
	for call in ["declare_claim", "attest_claim", "issue", "remint", "destroy", "pay"] {
		assert!(tally.accepted_of(call) > 0, "no {call} was ever accepted");
	}
	assert!(tally.reasons() >= 12, "too few distinct rejections: {}", tally.reasons());
}
