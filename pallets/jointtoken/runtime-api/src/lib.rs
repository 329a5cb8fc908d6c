//! Runtime API of `pallet-jointtoken`. The node's `jointtoken_*` JSON-RPC methods are thin
//! wrappers over it; clients also call it directly for the dry runs, which take SCALE items.

#![cfg_attr(not(feature = "std"), no_std)]
// `decl_runtime_apis!` repeats the trait's generic bounds on every method it generates.
#![allow(clippy::multiple_bound_locations)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_jointtoken::{
	queries::NextIssue,
	types::{
		Amount, Entry, ItemOutcome, JtId, KindDetails, Loan, LoanId, Part, Preorder, Presale,
		PresaleId, Quote,
	},
};
use sp_core::H256;
use sp_runtime::DispatchError;

sp_api::decl_runtime_apis! {
	/// Queries and dry runs over joint-token kinds. `Rules`, `Item` and `Distribution` are the
	/// runtime's instances of the pallet's types.
	pub trait JointTokenApi<AccountId: Codec, Balance: Codec, BlockNumber: Codec, Rules: Codec, Item: Codec, Distribution: Codec> {
		/// A kind's rules and state.
		fn kind(jtid: JtId) -> Option<(Rules, KindDetails<AccountId, BlockNumber, Balance>)>;
		/// The id a kind with these rules has (or would have): `blake2_256` of their SCALE.
		fn check_rules(rules: Rules) -> JtId;
		/// A kind's keyless root and incubation-fund accounts.
		fn accounts(jtid: JtId) -> (AccountId, AccountId);
		/// `who`'s ledger entry of a kind.
		fn entry(jtid: JtId, who: AccountId) -> Option<Entry<AccountId, Balance>>;
		/// The id of an item's data: what its signers sign (signatures may be empty).
		fn item_id(item: Item) -> H256;
		/// Runs an item as if `who` submitted it now and undoes it: what it would do, or the
		/// error it would fail with.
		fn simulate_item(who: AccountId, item: Item) -> Result<ItemOutcome, DispatchError>;
		/// What buying at the desk for `cod` COD gives now.
		fn quote(jtid: JtId, cod: Amount) -> Result<Quote, DispatchError>;
		/// Runs a desk purchase as `who` now and undoes it.
		fn simulate_buy(who: AccountId, jtid: JtId, cod: Amount) -> Result<Quote, DispatchError>;
		/// The period and outputs the next alloc of an automatic account must have.
		fn expected_alloc(jtid: JtId, account: AccountId) -> Result<(u32, Vec<Part<AccountId>>), DispatchError>;
		/// The next issue item of a planned schedule.
		fn next_issue(jtid: JtId, schedule: u8) -> Option<NextIssue<AccountId, BlockNumber>>;
		/// An automatic account's id and on-chain account for a rule, and whether it is
		/// registered.
		fn automatic(rule: Distribution) -> (H256, AccountId, bool);
		/// Whether `who` is an ordinary user, and whether a mentor, of a kind.
		fn user(jtid: JtId, who: AccountId) -> (bool, bool);
		fn presale(id: PresaleId) -> Option<Presale<AccountId, BlockNumber, Balance>>;
		fn preorder(id: PresaleId, buyer: AccountId) -> Option<Preorder<Balance>>;
		fn loan(id: LoanId) -> Option<Loan<AccountId, BlockNumber, Balance>>;
		/// Open loans of a borrower in a kind (at most `MaxLoansPerBorrower`).
		fn loans_of(jtid: JtId, borrower: AccountId) -> Vec<(LoanId, Loan<AccountId, BlockNumber, Balance>)>;
	}
}
