//! Randomized call sequences (issue: randomized invariant testing): every market call, valid
//! and invalid, from five accounts (one never funded) over real COD and codcoins, across many
//! blocks so that offers expire and trades pass their deadlines. Offers pay and receive any of
//! COD, three codcoins, a coin of an account that issues none, and off-chain resources; coins
//! are named from the signer's own or from any ever seen. Both pallets' `try_state` holds
//! after every block, a rejected call changes nothing, and COD only ever leaves circulation as
//! a forfeited bond (the `TradeDefaulted` events account for every unit burned).

use codchain_fuzz::{campaign, coin_inputs, remember, Run};
use sp_core::H256;

use super::*;

/// Never funded: every deposit it owes fails.
const EVE: AccountId = 5;
const ACCOUNTS: [AccountId; 5] = [ALICE, BOB, CHARLIE, DAVE, EVE];
const ISSUERS: [AccountId; 3] = [ALICE, BOB, CHARLIE];

#[derive(Default)]
struct Seen {
	coins: Vec<H256>,
	offers: Vec<OfferId>,
	trades: Vec<TradeId>,
}

impl Seen {
	fn refresh(&mut self) {
		remember(&mut self.coins, pallet_codcoin::Coins::<Test>::iter_keys());
		remember(&mut self.offers, Offers::<Test>::iter_keys());
		remember(&mut self.trades, Trades::<Test>::iter_keys());
	}
}

fn resource(run: &mut Run) -> Resource<Asset> {
	match run.rng.below(8) {
		0 | 1 => cod(),
		2..=4 => coin(*run.rng.pick(&ISSUERS)),
		5 => coin(DAVE),
		6 => fiat(),
		_ => match run.rng.below(3) {
			0 => hours(),
			1 => Resource::OffChain { kind: OffChainKind::Information, unit: Default::default() },
			_ => Resource::OffChain {
				kind: OffChainKind::Information,
				unit: BoundedVec::truncate_from(b"report".to_vec()),
			},
		},
	}
}

fn amount(run: &mut Run, typical: u64) -> Amount {
	match run.rng.below(12) {
		0 => Amount::MAX,
		1 => Amount::MAX / 2 + 1,
		_ => Amount::from(run.rng.amount(typical)),
	}
}

/// Coins to name: none (the ledger chooses) most often, else the signer's own or any seen.
fn named(run: &mut Run, seen: &Seen, who: AccountId) -> NamedCoins {
	if run.rng.chance(60) {
		return Default::default();
	}
	let own: Vec<(H256, AccountId)> = pallet_codcoin::Coins::<Test>::iter()
		.filter(|(_, c)| c.holder == who)
		.map(|(id, c)| (id, c.issuer))
		.collect();
	BoundedVec::truncate_from(coin_inputs(&mut run.rng, &own, &seen.coins, 4).1)
}

fn pick_id<T: Copy>(run: &mut Run, seen: &[T], next: T) -> T {
	if seen.is_empty() || run.rng.chance(10) {
		return next;
	}
	*run.rng.pick(seen)
}

fn step(run: &mut Run, seen: &mut Seen) {
	let who = *run.rng.pick(&ACCOUNTS);
	let origin = RuntimeOrigin::signed(who);
	let now = System::block_number();
	match run.rng.below(100) {
		0..=4 => {
			let n = run.rng.below(4);
			let list: Vec<_> = (0..n).map(|_| resource(run)).collect();
			run.attempt("register_resources", || {
				Market::register_resources(origin, BoundedVec::truncate_from(list))
			});
		},
		5..=34 => {
			let (pay, receive) = (resource(run), resource(run));
			let r = Ratio { pay: amount(run, 5), receive: amount(run, 5) };
			let total = amount(run, 200);
			let min_fill = match run.rng.below(4) {
				0 => amount(run, 300),
				_ => Amount::from(run.rng.range(1, 10)),
			};
			let expiry = match run.rng.below(5) {
				0 => now.saturating_sub(run.rng.below(2)),
				_ => now + run.rng.range(1, 30),
			};
			let bond = match run.rng.below(3) {
				0 => 0,
				1 => Balance::from(run.rng.range(1, 500)),
				_ => amount(run, 10_000),
			};
			let coins = named(run, seen, who);
			run.attempt("make_offer", || {
				Market::make_offer(origin, pay, receive, r, total, min_fill, expiry, bond, coins)
			});
		},
		35..=41 => {
			let id = pick_id(run, &seen.offers, NextOfferId::<Test>::get());
			let who = match Offers::<Test>::get(id) {
				Some(o) if run.rng.chance(70) => o.offerer,
				_ => who,
			};
			run.attempt("cancel_offer", || Market::cancel_offer(RuntimeOrigin::signed(who), id));
		},
		42..=71 => {
			let id = pick_id(run, &seen.offers, NextOfferId::<Test>::get());
			let fill = match Offers::<Test>::get(id) {
				Some(o) if run.rng.chance(75) => {
					let lo = o.min_fill.min(o.remaining).max(1);
					let hi = o.remaining.min(Amount::from(u64::MAX));
					Amount::from(run.rng.range(lo as u64, hi.max(lo) as u64))
				},
				_ => amount(run, 100),
			};
			let coins = named(run, seen, who);
			run.attempt("accept", || Market::accept(origin, id, fill, coins));
		},
		72..=81 => {
			let id = pick_id(run, &seen.trades, NextTradeId::<Test>::get());
			let who = match Trades::<Test>::get(id) {
				Some(t) if run.rng.chance(80) => *run.rng.pick(&[t.offerer, t.acceptor]),
				_ => who,
			};
			run.attempt("confirm_leg", || Market::confirm_leg(RuntimeOrigin::signed(who), id));
		},
		82..=89 => {
			let id = pick_id(run, &seen.trades, NextTradeId::<Test>::get());
			let who = match Trades::<Test>::get(id) {
				Some(t) if run.rng.chance(80) => *run.rng.pick(&[t.offerer, t.acceptor]),
				_ => who,
			};
			let reference = run.rng.chance(50).then(|| H256::repeat_byte(run.rng.below(256) as u8));
			run.attempt("mark_sent", || {
				Market::mark_sent(RuntimeOrigin::signed(who), id, reference)
			});
		},
		90..=96 => {
			let id = pick_id(run, &seen.trades, NextTradeId::<Test>::get());
			run.attempt("resolve_trade", || Market::resolve_trade(origin, id));
		},
		_ => {
			run.attempt("close_record", || Market::close_record(origin));
		},
	}
	seen.refresh();
}

/// COD burned so far: the bonds forfeited on default.
fn forfeited() -> Balance {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Market(crate::Event::TradeDefaulted { forfeited_bond, .. }) => {
				Some(forfeited_bond)
			},
			_ => None,
		})
		.sum()
}

fn next_block(run: &mut Run, issuance: Balance, burned: &mut Balance) {
	Market::do_try_state()
		.unwrap_or_else(|e| panic!("seed {}: market invariants broken: {e:?}", run.seed));
	Codcoin::do_try_state()
		.unwrap_or_else(|e| panic!("seed {}: codcoin invariants broken: {e:?}", run.seed));
	// Events are cleared at each block's start: count this block's before moving on.
	*burned += forfeited();
	assert_eq!(
		Balances::total_issuance() + *burned,
		issuance,
		"seed {}: COD created or destroyed other than by a forfeited bond",
		run.seed
	);
	System::reset_events();
	let skip = if run.rng.chance(10) { run.rng.range(5, 2 * SETTLEMENT_PERIOD) } else { 1 };
	run_to(System::block_number() + skip);
	run.block();
}

#[test]
fn random_call_sequences_keep_every_invariant() {
	let tally = campaign("market", 6, 1_500, new_test_ext, |run, steps| {
		for issuer in ISSUERS {
			issue(issuer, &[ALICE, BOB, CHARLIE, DAVE], 5_000);
			issue(issuer, &[ALICE, BOB, CHARLIE, DAVE], 700);
		}
		let issuance = Balances::total_issuance();
		let mut burned = 0;
		let mut seen = Seen::default();
		for i in 0..steps {
			step(run, &mut seen);
			if i % 6 == 5 {
				next_block(run, issuance, &mut burned);
			}
		}
		next_block(run, issuance, &mut burned);
	});
	for call in ["make_offer", "accept", "cancel_offer", "confirm_leg", "mark_sent"] {
		assert!(tally.accepted_of(call) > 0, "no {call} was ever accepted");
	}
	assert!(tally.accepted_of("resolve_trade") > 0, "no trade was ever resolved");
	assert!(tally.reasons() >= 15, "too few distinct rejections: {}", tally.reasons());
}
