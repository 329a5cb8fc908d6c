//! The engine on the in-memory ledger: deposits follow the coins, balances and escrow totals
//! are stored and kept exact, moves by amount cannot be blocked by dust, nothing changes on
//! failure.

use alloc::{vec, vec::Vec};

use crate::{
	memory::{self, Memory, DEPOSIT},
	*,
};

type L = Ledger<Memory>;
const A: u8 = 1; // issuer
const B: u8 = 2;
const C: u8 = 3;
const D: u8 = 4;
const FREE: u64 = 1_000;

fn issue(to: &[(u8, u64)]) -> Vec<CoinId> {
	let outputs: Vec<_> = to.iter().map(|&(holder, amount)| Output { holder, amount }).collect();
	let minted = to.iter().map(|(_, a)| a).sum();
	let pour = Pour { pourer: &A, issuer: &A, inputs: &[], outputs: &outputs, minted, burned: 0 };
	L::apply(L::check(&pour, 0, 0).unwrap()).unwrap().outputs.into_iter().map(|o| o.0).collect()
}

fn give(from: u8, inputs: &[CoinId], to: u8, amount: u64) -> Result<Vec<CoinId>, LedgerError> {
	let (_, total) = L::sum_of(inputs)?;
	let outputs = L::with_change(&from, Some((to, amount)), total - amount);
	let pour = Pour { pourer: &from, issuer: &A, inputs, outputs: &outputs, minted: 0, burned: 0 };
	Ok(L::apply(L::check(&pour, 0, 0)?)?.outputs.into_iter().map(|o| o.0).collect())
}

fn free(who: u8) -> u64 {
	memory::with(|s| s.free.get(&who).copied().unwrap_or(0))
}

fn held(who: u8) -> u64 {
	memory::with(|s| s.held.get(&who).copied().unwrap_or(0))
}

#[test]
fn balances_follow_the_coins_and_deposits_return_to_each_payer() {
	memory::reset(&[A, B, C, D], FREE);
	let coins = issue(&[(B, 10), (B, 80)]);
	assert_eq!((Memory::balance(&B, &A), held(A)), (90, 2 * DEPOSIT));
	// B pays C 85 of the two coins, change back: the seed example.
	let out = give(B, &coins, C, 85).unwrap();
	assert_eq!((Memory::balance(&B, &A), Memory::balance(&C, &A)), (5, 85));
	// The spent coins' deposits went back to A, who paid them; B pays for the new two.
	assert_eq!((held(A), held(B), free(A)), (0, 2 * DEPOSIT, FREE));
	// C's coin of 85, paid for by B, is spent by C: the deposit returns to B, not to C.
	let _ = give(C, &out[..1], D, 85).unwrap();
	assert_eq!((held(B), held(C)), (DEPOSIT, DEPOSIT));
	assert_eq!(free(B), FREE - DEPOSIT);
	assert_eq!((Memory::balance(&C, &A), Memory::balance(&D, &A)), (0, 85));
	memory::with(|s| assert!(!s.balances.contains_key(&(C, A)), "a zero balance is removed"));
}

#[test]
fn deposits_move_once_per_account_and_the_pourers_own_are_netted() {
	memory::reset(&[A, B, C, D], FREE);
	// Three coins of B's whose deposits A (the issuer) paid; B gives itself one, so that B
	// pays that coin's deposit.
	let from_a = issue(&[(B, 10), (B, 20), (B, 30)]);
	let own = give(B, &from_a[..1], B, 10).unwrap();
	assert_eq!((held(A), held(B)), (2 * DEPOSIT, DEPOSIT));
	memory::with(|s| s.moves.clear());
	// B spends the other three, 55 to C and 5 back: A gets its two deposits in one release;
	// B's own comes back and two are held for the outputs, so B holds one more, once.
	let out = give(B, &[from_a[1], from_a[2], own[0]], C, 55).unwrap();
	memory::with(|s| assert_eq!(s.moves, vec![(A, 2 * DEPOSIT, false), (B, DEPOSIT, true)]));
	assert_eq!((held(A), held(B), free(B)), (0, 2 * DEPOSIT, FREE - 2 * DEPOSIT));
	// B spends its change, which it paid for, into one output: its deposit carries over and
	// nothing is held or released.
	memory::with(|s| s.moves.clear());
	let _ = give(B, &out[1..], D, 5).unwrap();
	memory::with(|s| assert_eq!(s.moves, vec![]));
	assert_eq!((held(B), Memory::balance(&B, &A), Memory::balance(&D, &A)), (2 * DEPOSIT, 0, 5));
}

#[test]
fn a_pourer_who_cannot_pay_the_deposits_changes_nothing() {
	memory::reset(&[A, B], FREE);
	let coins = issue(&[(B, 10)]);
	memory::with(|s| s.free.insert(B, DEPOSIT - 1));
	// Two outputs need 2 deposits; B has 9 free and no own deposit coming back.
	let outputs = L::with_change(&B, Some((C, 4)), 6);
	let pour =
		Pour { pourer: &B, issuer: &A, inputs: &coins, outputs: &outputs, minted: 0, burned: 0 };
	assert_eq!(L::check(&pour, 0, 0).err(), Some(LedgerError::InsufficientDeposit));
	let before = memory::with(|s| (s.coins.len(), s.held.clone(), s.free.clone()));
	assert_eq!(give(B, &coins, C, 4).err(), Some(LedgerError::InsufficientDeposit));
	let after = memory::with(|s| (s.coins.len(), s.held.clone(), s.free.clone()));
	assert_eq!(before, after);
	// A deposit B paid itself comes back in the same pour and counts: with nothing free, B
	// re-pours a coin it paid for into one coin.
	memory::with(|s| s.free.insert(B, DEPOSIT));
	let own = give(B, &coins, B, 10).unwrap();
	memory::with(|s| s.free.insert(B, 0));
	assert!(give(B, &own, C, 10).is_ok());
	assert_eq!((held(B), free(B)), (DEPOSIT, 0));
}

#[test]
fn escrow_is_stored_per_owner_and_in_total_and_pays_out_as_new_coins() {
	memory::reset(&[A, B, C], FREE);
	issue(&[(B, 30), (C, 20)]);
	let applied = L::lock(&A, &B, 25, &[]).unwrap();
	assert_eq!(applied.outputs.len(), 1, "change of 5");
	L::lock(&A, &C, 20, &[]).unwrap();
	assert_eq!((Memory::escrow(&A, &B), Memory::escrow_total(&A)), (25, 45));
	assert_eq!(Memory::balance(&B, &A), 5);
	// Out of B's escrow to D, the deposit paid by C.
	let (_, coin) = L::unlock(&A, &B, &D, 10, &C).unwrap();
	assert_eq!(Memory::coin(&coin).map(|c| (c.holder, c.depositor)), Some((D, C)));
	assert_eq!((Memory::escrow(&A, &B), Memory::escrow_total(&A)), (15, 35));
	assert_eq!(L::unlock(&A, &B, &D, 16, &C).err(), Some(LedgerError::InsufficientEscrow));
	assert_eq!(L::unlock(&A, &B, &D, 0, &C).err(), Some(LedgerError::ZeroAmountOutput));
	L::unlock(&A, &B, &B, 15, &B).unwrap();
	memory::with(|s| assert!(!s.escrow.contains_key(&(A, B)), "an empty escrow is removed"));
	assert_eq!(Memory::escrow_total(&A), 20);
}

#[test]
fn named_coins_pay_past_a_strangers_dust() {
	memory::reset(&[A, B, C], FREE);
	let big = issue(&[(B, 1_000)]);
	// A stranger sends B more dust coins than a pour may consume.
	let dust = issue(&[(C, 4)]);
	for _ in 0..4 {
		let d = memory::with(|s| {
			s.held_by.keys().find(|(h, _, _)| *h == C).map(|(_, _, id)| *id).unwrap()
		});
		give(C, &[d], B, 1).ok();
	}
	let _ = dust;
	let dusty: usize = memory::with(|s| s.held_by.keys().filter(|(h, _, _)| *h == B).count());
	assert!(dusty >= 5);
	// If the dust comes first in storage order, selection gives up...
	let order: Vec<CoinId> = Memory::coins_held(&B, &A).collect();
	if order[0] != big[0] {
		assert_eq!(L::select(&B, &A, 500, &[]).err(), Some(LedgerError::TooFragmented));
	}
	// ...but naming the coin always works.
	assert_eq!(L::select(&B, &A, 500, &big), Ok((big.clone(), 1_000)));
	L::transfer(&B, &A, &C, 500, &big).unwrap();
	assert_eq!(Memory::balance(&C, &A), 500);
	// Named coins that hold too little, and a balance that is too low, are told apart.
	let small: Vec<CoinId> = Memory::coins_held(&B, &A).take(1).collect();
	let small_amount = Memory::coin(&small[0]).unwrap().amount;
	assert_eq!(
		L::select(&B, &A, small_amount + 1, &small).err(),
		Some(LedgerError::InsufficientInputs)
	);
	assert_eq!(L::select(&B, &A, 10_000, &[]).err(), Some(LedgerError::InsufficientBalance));
}

#[test]
fn pour_ids_are_never_reused_and_run_out_loudly() {
	memory::reset(&[A, B], FREE);
	let first = issue(&[(B, 1)]);
	let second = issue(&[(B, 1)]);
	assert_ne!(first, second);
	memory::with(|s| s.next_pour = u64::MAX);
	let outputs = vec![Output { holder: B, amount: 1 }];
	let pour =
		Pour { pourer: &A, issuer: &A, inputs: &[], outputs: &outputs, minted: 1, burned: 0 };
	assert_eq!(L::apply(L::check(&pour, 0, 0).unwrap()).err(), Some(LedgerError::IdsExhausted));
}

#[test]
fn escrow_must_be_part_of_what_a_pour_burns() {
	memory::reset(&[A, B], FREE);
	let coins = issue(&[(B, 10)]);
	let outputs = L::with_change(&B, None, 5);
	let pour =
		Pour { pourer: &B, issuer: &A, inputs: &coins, outputs: &outputs, minted: 0, burned: 5 };
	assert_eq!(L::check(&pour, 6, 0).err(), Some(LedgerError::Unbalanced));
	assert!(L::check(&pour, 5, 0).is_ok());
}
