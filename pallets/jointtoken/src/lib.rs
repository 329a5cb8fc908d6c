//! # Joint Token
//!
//! Many token kinds (SPEC §5, seed 001 联合提货权), each defined by a rules document whose hash
//! is its id: `jtid = blake2_256(SCALE(rules))`. A changed rule set is a new kind.
//!
//! ## Overview
//!
//! - **Kinds.** The deployer creates a kind from its [`Rules`]: name, planned issuance
//!   schedules, whether holders may destroy tokens, unplanned issuance (code or trust mode,
//!   prices, fee), the mentor window and a bounded policy text. The rules are stored with a
//!   deposit; anyone can hash them and compare with the id ([`Pallet::check_rules`]).
//! - **Accounts.** Ordinary accounts are the chain's accounts: any key type of the runtime's
//!   signature (sr25519, ed25519, ecdsa through `MultiSignature`). Automatic accounts are
//!   keyless: registered from a distribution rule, `id = blake2_256(SCALE(rule))`; their funds
//!   leave only by an alloc item. Each kind has one keyless root account; tokens paid into it
//!   (by the desk's standing offer) are burned.
//! - **Items.** `submit` takes an envelope `{data, sigs}`: issue, destroy, transfer, exchange,
//!   alloc. Every signer signs the item id `blake2_256(SCALE(ITEM_TAG, genesis hash, data))`;
//!   a transfer or destroy carries one signature per input, an exchange one per payer. Signed
//!   items name an `expires` block; their ids are remembered until then, so a replay fails.
//!   Issue and alloc items carry no signature: the rules authorise them, the chain recomputes
//!   them and rejects any deviation, and the first valid item for a period wins.
//! - **Planned issuance.** Each schedule pays its beneficiary on its blocks: by an issue item
//!   anyone submits, or else by `on_initialize`, which does at most `MaxDuePerBlock` tasks per
//!   block, each weighed.
//! - **Exchange desk.** Anyone buys any amount at the sell price; the fee goes to the rules'
//!   fee account and the rest backs the desk's standing buy offer in the trade market at the
//!   buy price. Selling back is accepting that offer; the tokens go to the root and are
//!   burned. In trust mode the deployer's trustee sets prices within the rules' bounds. The buy
//!   price may never exceed the sell price net of the fee, so a round trip cannot drain the
//!   desk.
//! - **Users and mentors.** An account declares itself an ordinary user of a kind (it quotes,
//!   accepts and pays only in it); others are limited users. Ordinary users pay mentors for
//!   tutoring; mentors may preorder in the window before a presale opens.
//! - **Presales.** An ordinary user opens a presale: units, price, an all-or-nothing goal,
//!   opening and closing blocks and a delivery deadline. Preorders are escrowed; the buyer's
//!   delivery confirmation pays the seller. After the deadline an unconfirmed preorder is
//!   refunded, unless the seller reported delivery: then the escrow is burned and a dispute
//!   recorded, so neither side gains by the other's silence. Refunds are lazy: anyone settles.
//! - **Loans.** An ordinary user applies; any user, or the deployer from the incubation fund,
//!   lends. Installments are taken automatically when due; what the borrower cannot pay is
//!   arrears, taken first from the borrower's incoming allocations.
//!
//! ## Calls
//!
//! | call | origin | does | events |
//! |---|---|---|---|
//! | [`create_kind`](Pallet::create_kind) | the rules' deployer | stores the rules, schedules issuance | `KindCreated` |
//! | [`appoint_trustee`](Pallet::appoint_trustee) | deployer, trust mode | names who sets prices | `TrusteeAppointed` |
//! | [`set_prices`](Pallet::set_prices) | trustee | new prices within the bounds | `PricesSet` |
//! | [`submit`](Pallet::submit) | anyone | applies an item | `Issued`, `Destroyed`, `Transferred`, `Exchanged`, `Allocated` |
//! | [`register_automatic`](Pallet::register_automatic) | anyone | registers a distribution rule | `AutomaticRegistered` |
//! | [`buy`](Pallet::buy) | anyone | buys new tokens at the desk | `Bought` |
//! | [`declare_ordinary`](Pallet::declare_ordinary) / [`revoke_ordinary`](Pallet::revoke_ordinary) | the user | becomes / stops being an ordinary user | `UserDeclared`, `UserRevoked` |
//! | [`pay_tutoring`](Pallet::pay_tutoring) | ordinary user | pays a tutor, who becomes a mentor | `TutoringPaid` |
//! | [`open_presale`](Pallet::open_presale) | ordinary user | opens a presale | `PresaleOpened` |
//! | [`preorder`](Pallet::preorder) | anyone (mentors early) | escrows a preorder | `Preordered` |
//! | [`mark_delivered`](Pallet::mark_delivered) | seller | reports a delivery | `DeliveryReported` |
//! | [`confirm_delivery`](Pallet::confirm_delivery) | buyer | pays the seller | `PreorderSettled` |
//! | [`settle_preorder`](Pallet::settle_preorder) | anyone, after the goal failed or the deadline | refunds or burns | `PreorderSettled` |
//! | [`close_presale`](Pallet::close_presale) | seller | removes a finished presale | `PresaleClosed` |
//! | [`apply_loan`](Pallet::apply_loan) / [`cancel_loan`](Pallet::cancel_loan) | ordinary user | asks for / withdraws a loan | `LoanApplied`, `LoanClosed` |
//! | [`fund_loan`](Pallet::fund_loan) | any lender; the deployer for the incubation fund | lends | `LoanFunded` |
//! | [`repay`](Pallet::repay) | borrower | pays arrears, then ahead | `Repaid`, `LoanClosed` |
//! | [`close_entry`](Pallet::close_entry) | holder or deposit payer | removes an empty ledger entry | `EntryClosed` |
//! | [`remove_kind`](Pallet::remove_kind) | deployer | removes a kind nobody holds | `KindRemoved` |
//! | [`deregister_automatic`](Pallet::deregister_automatic) | registrar | removes an empty automatic account | `AutomaticRemoved` |
//! | [`remove_mentor`](Pallet::remove_mentor) | mentor or payer | removes a mentor record | `MentorRemoved` |
//!
//! Every failing call returns its own error and changes nothing.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

mod automatic;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod desk;
#[cfg(any(test, feature = "try-runtime"))]
mod invariants;
mod items;
mod kinds;
mod ledger;
mod loans;
#[cfg(test)]
mod mock;
mod presale;
pub mod queries;
mod schedule;
#[cfg(test)]
mod tests;
pub mod traits;
pub mod types;
pub mod weights;

pub use pallet::*;
pub use traits::Desk;
pub use types::*;
pub use weights::WeightInfo;

// `open_presale` takes the presale's terms one by one so that wallets show each by name; the
// call enum's constructor the pallet macro generates for it has as many arguments.
#[allow(clippy::too_many_arguments)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{pallet_prelude::*, traits::fungible, PalletId};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use sp_runtime::traits::{IdentifyAccount, StaticLookup, Verify};

	/// An account argument: an address wallets may give in any supported form.
	pub type AccountIdLookupOf<T> = <<T as frame_system::Config>::Lookup as StaticLookup>::Source;
	/// The balance type of COD.
	pub type BalanceOf<T> = <<T as Config>::Currency as fungible::Inspect<
		<T as frame_system::Config>::AccountId,
	>>::Balance;
	pub type RulesOf<T> = Rules<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxDocumentLen,
	>;
	pub type KindOf<T> =
		KindDetails<<T as frame_system::Config>::AccountId, BlockNumberFor<T>, BalanceOf<T>>;
	pub type EntryOf<T> = Entry<<T as frame_system::Config>::AccountId, BalanceOf<T>>;
	pub type DistributionOf<T> = Distribution<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxShares,
	>;
	pub type AutomaticOf<T> = AutomaticDetails<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		BalanceOf<T>,
		<T as Config>::MaxShares,
	>;
	pub type ItemDataOf<T> = ItemData<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::MaxInputs,
		<T as Config>::MaxOutputs,
	>;
	pub type ItemOf<T> = Item<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
		<T as Config>::Signature,
		<T as Config>::MaxInputs,
		<T as Config>::MaxOutputs,
	>;
	pub type PartsOf<T, N> = BoundedVec<Part<<T as frame_system::Config>::AccountId>, N>;
	pub type LegOf<T> =
		ExchangeLeg<<T as frame_system::Config>::AccountId, <T as Config>::MaxOutputs>;
	pub type PresaleOf<T> =
		Presale<<T as frame_system::Config>::AccountId, BlockNumberFor<T>, BalanceOf<T>>;
	pub type PreorderOf<T> = Preorder<BalanceOf<T>>;
	pub type LoanOf<T> =
		Loan<<T as frame_system::Config>::AccountId, BlockNumberFor<T>, BalanceOf<T>>;
	pub type UserOf<T> = UserDetails<BlockNumberFor<T>, BalanceOf<T>>;
	pub type MentorOf<T> = MentorDetails<<T as frame_system::Config>::AccountId, BalanceOf<T>>;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// COD: deposits are held in it, desk purchases pay in it.
		type Currency: fungible::Mutate<Self::AccountId>
			+ fungible::MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;
		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;
		/// What item signers sign with; a signer's account is the signature's account.
		type Signature: Verify<Signer = Self::Signer> + Parameter + MaxEncodedLen;
		/// The public key behind a signature.
		type Signer: IdentifyAccount<AccountId = Self::AccountId>;
		/// The trade market's standing offers, for the exchange desks.
		type Desk: Desk<Self::AccountId>;
		/// Derives the keyless root, incubation and automatic accounts.
		#[pallet::constant]
		type PalletId: Get<PalletId>;
		/// COD held per kind, besides `ByteDeposit` per byte of its rules.
		#[pallet::constant]
		type KindDeposit: Get<BalanceOf<Self>>;
		/// COD held per byte of a kind's rules.
		#[pallet::constant]
		type ByteDeposit: Get<BalanceOf<Self>>;
		/// COD held per ledger entry, ordinary user or mentor record, or preorder.
		#[pallet::constant]
		type EntryDeposit: Get<BalanceOf<Self>>;
		/// COD held per presale, loan or automatic account.
		#[pallet::constant]
		type RecordDeposit: Get<BalanceOf<Self>>;
		/// Longest policy text of a rules document.
		#[pallet::constant]
		type MaxDocumentLen: Get<u32>;
		/// Most inputs of a transfer or destroy item (and signatures of any item).
		#[pallet::constant]
		type MaxInputs: Get<u32>;
		/// Most outputs of a transfer, an exchange leg or an alloc.
		#[pallet::constant]
		type MaxOutputs: Get<u32>;
		/// Most shares of a distribution rule; at most `MaxOutputs`.
		#[pallet::constant]
		type MaxShares: Get<u32>;
		/// Furthest a signed item's `expires` may lie ahead; its id is kept that long.
		#[pallet::constant]
		type MaxItemLife: Get<BlockNumberFor<Self>>;
		/// Most signed items that may expire at one block (bounds the replay-key cleanup).
		#[pallet::constant]
		type MaxItemsPerExpiry: Get<u32>;
		/// Most scheduled tasks (planned issues, loan installments) done per block.
		#[pallet::constant]
		type MaxDuePerBlock: Get<u32>;
		/// Most open loans a borrower may have per kind.
		#[pallet::constant]
		type MaxLoansPerBorrower: Get<u32>;
		/// Weights of the calls and the hook, from benchmarks.
		type WeightInfo: WeightInfo;
		/// Signing keys for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: traits::BenchmarkHelper<Self::AccountId, Self::Signature>;
	}

	/// Why COD is held.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Storage deposit of a kind, entry, user, mentor, presale, preorder, loan or automatic
		/// account.
		Deposit,
	}

	/// Rules documents by kind id.
	// Blake2_128Concat: a deployer picks its rules, so it could grind ids.
	#[pallet::storage]
	pub type Rulebook<T: Config> = StorageMap<_, Blake2_128Concat, JtId, RulesOf<T>>;

	/// Supply, prices, desk and schedule state by kind id.
	#[pallet::storage]
	pub type Kinds<T: Config> = StorageMap<_, Blake2_128Concat, JtId, KindOf<T>>;

	/// The ledger: each account's holding of each kind.
	#[pallet::storage]
	pub type Ledger<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, JtId, Blake2_128Concat, T::AccountId, EntryOf<T>>;

	/// Registered automatic accounts by their on-chain account.
	#[pallet::storage]
	pub type Automatic<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, AutomaticOf<T>>;

	/// The next alloc period of each (automatic account, kind).
	#[pallet::storage]
	pub type AllocPeriod<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		JtId,
		u32,
		ValueQuery,
	>;

	/// Ids of signed items until they expire, so that a replay fails.
	// Twox64Concat: block numbers are not chosen to unbalance anything; ids are hashes.
	#[pallet::storage]
	pub type Seen<T: Config> =
		StorageDoubleMap<_, Twox64Concat, BlockNumberFor<T>, Identity, H256, ()>;

	/// How many ids [`Seen`] keeps for an expiry block.
	#[pallet::storage]
	pub type SeenCount<T: Config> = StorageMap<_, Twox64Concat, BlockNumberFor<T>, u32, ValueQuery>;

	/// Scheduled tasks by the block they fall due.
	#[pallet::storage]
	pub type Due<T: Config> =
		StorageDoubleMap<_, Twox64Concat, BlockNumberFor<T>, Twox64Concat, DueTask, ()>;

	/// The earliest block whose tasks may not all be done yet. Unset until the hook first
	/// runs, which is before any task can be queued (tasks go to later blocks).
	#[pallet::storage]
	pub type DueCursor<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	/// Ordinary users of each kind.
	#[pallet::storage]
	pub type Users<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, JtId, Blake2_128Concat, T::AccountId, UserOf<T>>;

	/// Mentors of each kind.
	#[pallet::storage]
	pub type Mentors<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, JtId, Blake2_128Concat, T::AccountId, MentorOf<T>>;

	/// The number the next presale gets.
	#[pallet::storage]
	pub type NextPresaleId<T> = StorageValue<_, PresaleId, ValueQuery>;

	/// Presales by id.
	#[pallet::storage]
	pub type Presales<T: Config> = StorageMap<_, Twox64Concat, PresaleId, PresaleOf<T>>;

	/// Preorders of each presale by buyer.
	#[pallet::storage]
	pub type Preorders<T: Config> =
		StorageDoubleMap<_, Twox64Concat, PresaleId, Blake2_128Concat, T::AccountId, PreorderOf<T>>;

	/// The number the next loan gets.
	#[pallet::storage]
	pub type NextLoanId<T> = StorageValue<_, LoanId, ValueQuery>;

	/// Loans by id, from application until fully repaid or withdrawn.
	#[pallet::storage]
	pub type Loans<T: Config> = StorageMap<_, Twox64Concat, LoanId, LoanOf<T>>;

	/// Open loans of each (kind, borrower): allocations repay their arrears first.
	#[pallet::storage]
	pub type LoansOf<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		JtId,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<LoanId, T::MaxLoansPerBorrower>,
		ValueQuery,
	>;

	/// Presale disputes per account (seller or buyer of a preorder that ended disputed).
	#[pallet::storage]
	pub type Disputes<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A kind was created from its rules.
		KindCreated {
			jtid: JtId,
			deployer: T::AccountId,
			root: T::AccountId,
			deposit: BalanceOf<T>,
		},
		/// A kind nobody held was removed.
		KindRemoved { jtid: JtId },
		/// The deployer appointed (or, with `None`, dismissed) the trustee.
		TrusteeAppointed { jtid: JtId, trustee: Option<T::AccountId> },
		/// The trustee set new prices; the desk offer buys at the new buy price.
		PricesSet { jtid: JtId, prices: Prices },
		/// Planned issuance: `period` of `schedule` paid `amount` to `to`.
		Issued { jtid: JtId, schedule: u8, period: u32, to: T::AccountId, amount: Amount },
		/// A scheduled issue could not be paid; it is retried on the schedule's next block.
		IssueFailed { jtid: JtId, schedule: u8, period: u32, error: DispatchError },
		/// Holders burned `total`.
		Destroyed { jtid: JtId, item: H256, total: Amount },
		/// A transfer item moved `total` from `inputs` accounts to `outputs` accounts.
		Transferred { jtid: JtId, item: H256, inputs: u32, outputs: u32, total: Amount },
		/// Two kinds were swapped; written to both kinds' ledgers.
		Exchanged {
			item: H256,
			a: JtId,
			a_payer: T::AccountId,
			a_total: Amount,
			b: JtId,
			b_payer: T::AccountId,
			b_total: Amount,
		},
		/// Automatic account `account` paid period `period` of its rule.
		Allocated { jtid: JtId, account: T::AccountId, period: u32, total: Amount },
		/// An automatic account was registered from its rule.
		AutomaticRegistered { id: H256, account: T::AccountId, registrar: T::AccountId },
		/// An automatic account holding nothing was removed.
		AutomaticRemoved { account: T::AccountId },
		/// A desk purchase: `cod` COD paid, `jt` tokens issued, `fee` COD to the fee account.
		Bought { jtid: JtId, buyer: T::AccountId, cod: Amount, jt: Amount, fee: Amount },
		/// The desk's standing offer got `cod` more COD; `offer` is its market id.
		DeskFunded { jtid: JtId, offer: OfferId, cod: Amount },
		/// Tokens the market paid into the root account (a sale to the desk) were burned.
		Redeemed { jtid: JtId, from: T::AccountId, amount: Amount },
		/// An account declared itself an ordinary user of a kind.
		UserDeclared { jtid: JtId, who: T::AccountId },
		/// An ordinary user withdrew its declaration.
		UserRevoked { jtid: JtId, who: T::AccountId },
		/// An ordinary user paid `mentor` for tutoring; the mentor may preorder early.
		TutoringPaid { jtid: JtId, user: T::AccountId, mentor: T::AccountId, amount: Amount },
		/// A mentor record was removed.
		MentorRemoved { jtid: JtId, mentor: T::AccountId },
		/// A presale opened.
		PresaleOpened {
			presale: PresaleId,
			jtid: JtId,
			seller: T::AccountId,
			units: u32,
			price: Amount,
		},
		/// `buyer` preordered `units`, paying `paid` into escrow.
		Preordered { presale: PresaleId, buyer: T::AccountId, units: u32, paid: Amount },
		/// The seller reported delivering a preorder.
		DeliveryReported { presale: PresaleId, buyer: T::AccountId },
		/// A preorder ended: delivered (seller paid), refunded, or disputed (burned).
		PreorderSettled {
			presale: PresaleId,
			buyer: T::AccountId,
			end: PreorderEnd,
			amount: Amount,
		},
		/// A finished presale was removed.
		PresaleClosed { presale: PresaleId },
		/// An ordinary user applied for a loan.
		LoanApplied {
			loan: LoanId,
			jtid: JtId,
			borrower: T::AccountId,
			amount: Amount,
			total: Amount,
		},
		/// A lender paid out a loan.
		LoanFunded { loan: LoanId, lender: T::AccountId },
		/// `amount` was repaid to the lender (by installment, by hand, or from an allocation).
		Repaid { loan: LoanId, amount: Amount },
		/// An installment fell due and the borrower could not pay `short` of it.
		InstallmentMissed { loan: LoanId, short: Amount },
		/// A loan was repaid in full, or withdrawn before funding.
		LoanClosed { loan: LoanId },
		/// An empty ledger entry was removed and its deposit returned.
		EntryClosed { jtid: JtId, who: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No kind with this id.
		UnknownKind,
		/// A kind with these rules exists already.
		KindExists,
		/// Only the rules' deployer may do this.
		NotDeployer,
		/// Only the kind's trustee may do this.
		NotTrustee,
		/// The kind has no unplanned issuance, or is not in trust mode.
		WrongMode,
		/// A price with a zero side, prices out of the rules' bounds, a fee above the bound, or
		/// a buy price above the sell price net of the fee.
		BadPrices,
		/// A planned schedule with a zero amount, period or count.
		BadSchedule,
		/// Not enough COD for a deposit or payment.
		InsufficientDeposit,
		/// The kind still has holders, records or an open desk.
		KindInUse,
		/// An amount of zero.
		ZeroAmount,
		/// Inputs, outputs and total disagree.
		Unbalanced,
		/// An item without inputs or outputs.
		Empty,
		/// The same account twice among inputs.
		DuplicateInput,
		/// An item pays the root account: only a sale to the desk may.
		RootReceives,
		/// Not exactly one signature per signer.
		WrongSignatureCount,
		/// A signature that does not verify for its signer.
		BadSignature,
		/// A keyless account (root, incubation, automatic) cannot sign.
		NotSignable,
		/// An account holds less than it must pay.
		InsufficientBalance,
		/// The item's `expires` block has passed.
		Expired,
		/// The item's `expires` lies further ahead than `MaxItemLife`.
		ExpiryTooFar,
		/// `MaxItemsPerExpiry` items already expire at that block; pick another.
		ExpiryFull,
		/// This item was applied already.
		Replayed,
		/// The rules do not allow holders to destroy tokens.
		DestroyNotAllowed,
		/// No planned schedule with this number.
		UnknownSchedule,
		/// That period was issued already: the first valid item won.
		AlreadyIssued,
		/// That period is not due yet, or is not the next one.
		NotDue,
		/// The schedule has issued all its periods.
		ScheduleDone,
		/// The item deviates from what the rules compute.
		Deviation,
		/// An exchange of a kind with itself.
		SameKind,
		/// No automatic account at this address.
		UnknownAutomatic,
		/// An automatic account with this rule exists already.
		AutomaticExists,
		/// A distribution rule without shares, with a zero weight or period, or with more
		/// shares than outputs allowed.
		BadDistribution,
		/// The automatic account still holds tokens.
		AutomaticInUse,
		/// Arithmetic overflow.
		Overflow,
		/// The purchase would give fewer tokens than the minimum asked, or none.
		BelowMinimum,
		/// The account is not an ordinary user of the kind.
		NotOrdinaryUser,
		/// The account is an ordinary user already.
		AlreadyUser,
		/// The account still has open presales or loans in the kind.
		UserInUse,
		/// A tutoring payment below the rules' minimum.
		TutoringTooSmall,
		/// No such mentor record.
		UnknownMentor,
		/// Only the mentor or whoever made it one may remove the record.
		NotMentorOrPayer,
		/// No presale with this id.
		UnknownPresale,
		/// Presale blocks out of order (opens < closes ≤ deliver_by, opens in the future), no
		/// units, a goal above the units, or a zero price.
		BadPresale,
		/// Preorders are not open (mentors: not yet; everyone: not yet or no longer).
		PreordersClosed,
		/// More units than remain.
		SoldOut,
		/// Only the seller may do this.
		NotSeller,
		/// No preorder of this buyer.
		UnknownPreorder,
		/// The presale missed its goal; preorders are refunded.
		GoalMissed,
		/// Not yet: the deadline has not passed and the goal has not failed.
		TooEarly,
		/// The delivery deadline has passed.
		TooLate,
		/// The presale still has preorders or is not closed yet.
		PresaleInUse,
		/// No loan with this id.
		UnknownLoan,
		/// The loan is funded already, or not yet.
		WrongLoanState,
		/// Only the borrower may do this.
		NotBorrower,
		/// A lender cannot lend to itself.
		SelfLoan,
		/// A loan with zero or more than `MAX_INSTALLMENTS` installments, more installments
		/// than units lent, or a zero period.
		BadLoan,
		/// The borrower has `MaxLoansPerBorrower` open loans in the kind.
		TooManyLoans,
		/// Ids exhausted.
		IdsExhausted,
		/// No ledger entry for this account.
		UnknownEntry,
		/// The entry still holds tokens.
		EntryNotEmpty,
		/// Only the holder or the deposit payer may close the entry.
		NotHolderOrPayer,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(n: BlockNumberFor<T>) -> Weight {
			Self::forget_expired(n).saturating_add(Self::run_due(n))
		}

		fn integrity_test() {
			assert!(T::MaxShares::get() <= T::MaxOutputs::get(), "an alloc pays every share");
			assert!(T::MaxInputs::get() >= 2, "an exchange carries two signatures");
			assert!(T::MaxDuePerBlock::get() > 0, "scheduled work must progress");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Creates the kind these rules define; the caller must be the rules' deployer.
		/// Holds `KindDeposit` plus `ByteDeposit` per byte of the rules; with unplanned
		/// issuance, also moves the desk's opening deposit to the root account.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_kind(rules.document.len() as u32, rules.planned.len() as u32))]
		pub fn create_kind(origin: OriginFor<T>, rules: RulesOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_create_kind(&who, rules).map(|_| ())
		}

		/// Trust mode: the deployer appoints the trustee (`None` dismisses it).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::appoint_trustee())]
		pub fn appoint_trustee(
			origin: OriginFor<T>,
			jtid: JtId,
			trustee: Option<AccountIdLookupOf<T>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let trustee = trustee.map(T::Lookup::lookup).transpose()?;
			Self::do_appoint_trustee(&who, jtid, trustee)
		}

		/// Trust mode: the trustee sets sell and buy prices and the fee within the rules'
		/// bounds; the desk offer buys at the new price from now on.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_prices())]
		pub fn set_prices(origin: OriginFor<T>, jtid: JtId, prices: Prices) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_prices(&who, jtid, prices)
		}

		/// Applies an item; the caller pays the fee and the deposits of new ledger entries.
		#[pallet::call_index(3)]
		#[pallet::weight(Pallet::<T>::item_weight(item))]
		pub fn submit(origin: OriginFor<T>, item: ItemOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_submit(&who, item).map(|_| ())
		}

		/// Registers an automatic account for a distribution rule; the caller holds
		/// `RecordDeposit`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::register_automatic(rule.shares.len() as u32))]
		pub fn register_automatic(origin: OriginFor<T>, rule: DistributionOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register_automatic(&who, rule).map(|_| ())
		}

		/// Buys new tokens at the desk for `cod` COD, failing if it would give fewer than
		/// `min_jt` (prices may change in trust mode).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::buy())]
		pub fn buy(
			origin: OriginFor<T>,
			jtid: JtId,
			#[pallet::compact] cod: Amount,
			#[pallet::compact] min_jt: Amount,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_buy(&who, jtid, cod, min_jt).map(|_| ())
		}

		/// Declares the caller an ordinary user of the kind: it quotes, accepts and pays only
		/// in it. Holds `EntryDeposit`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::declare_ordinary())]
		pub fn declare_ordinary(origin: OriginFor<T>, jtid: JtId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_declare_ordinary(&who, jtid)
		}

		/// Withdraws the caller's declaration; not while it has open presales or loans.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::revoke_ordinary())]
		pub fn revoke_ordinary(origin: OriginFor<T>, jtid: JtId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_revoke_ordinary(&who, jtid)
		}

		/// An ordinary user pays `mentor` for tutoring, at least the rules' minimum; the mentor
		/// may then preorder early. Holds `EntryDeposit` for a new mentor record.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::pay_tutoring())]
		pub fn pay_tutoring(
			origin: OriginFor<T>,
			jtid: JtId,
			mentor: AccountIdLookupOf<T>,
			#[pallet::compact] amount: Amount,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mentor = T::Lookup::lookup(mentor)?;
			Self::do_pay_tutoring(&who, jtid, mentor, amount)
		}

		/// An ordinary user opens a presale. Holds `RecordDeposit`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::open_presale())]
		pub fn open_presale(
			origin: OriginFor<T>,
			jtid: JtId,
			#[pallet::compact] price: Amount,
			units: u32,
			goal: u32,
			opens: BlockNumberFor<T>,
			closes: BlockNumberFor<T>,
			deliver_by: BlockNumberFor<T>,
			product: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let terms = PresaleTerms { price, units, goal, opens, closes, deliver_by, product };
			Self::do_open_presale(&who, jtid, terms).map(|_| ())
		}

		/// Preorders `units` units, paying their price into escrow. Holds `EntryDeposit` for a
		/// buyer's first preorder in the presale.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::preorder())]
		pub fn preorder(origin: OriginFor<T>, presale: PresaleId, units: u32) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_preorder(&who, presale, units)
		}

		/// The seller reports that it delivered `buyer`'s preorder.
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::mark_delivered())]
		pub fn mark_delivered(
			origin: OriginFor<T>,
			presale: PresaleId,
			buyer: AccountIdLookupOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let buyer = T::Lookup::lookup(buyer)?;
			Self::do_mark_delivered(&who, presale, buyer)
		}

		/// The buyer confirms delivery: its escrow pays the seller.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::confirm_delivery())]
		pub fn confirm_delivery(origin: OriginFor<T>, presale: PresaleId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_confirm_delivery(&who, presale)
		}

		/// Anyone settles a preorder of a presale that missed its goal (refund), or one not
		/// confirmed by the deadline (refund; burned as a dispute if the seller reported it
		/// delivered).
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::settle_preorder())]
		pub fn settle_preorder(
			origin: OriginFor<T>,
			presale: PresaleId,
			buyer: AccountIdLookupOf<T>,
		) -> DispatchResult {
			ensure_signed(origin)?;
			let buyer = T::Lookup::lookup(buyer)?;
			Self::do_settle_preorder(presale, buyer)
		}

		/// The seller removes a presale with no open preorders once it has closed.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::close_presale())]
		pub fn close_presale(origin: OriginFor<T>, presale: PresaleId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_close_presale(&who, presale)
		}

		/// An ordinary user applies for a loan of `amount`, to repay with `interest` in
		/// `installments` parts every `every` blocks. Holds `RecordDeposit`.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::apply_loan())]
		pub fn apply_loan(
			origin: OriginFor<T>,
			jtid: JtId,
			#[pallet::compact] amount: Amount,
			installments: u32,
			every: BlockNumberFor<T>,
			interest: sp_runtime::Perbill,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_apply_loan(&who, jtid, amount, installments, every, interest).map(|_| ())
		}

		/// Lends: pays the loan out of the caller's balance, or, with `from_incubation` and
		/// the deployer as caller, out of the kind's incubation fund.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::fund_loan())]
		pub fn fund_loan(
			origin: OriginFor<T>,
			loan: LoanId,
			from_incubation: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_fund_loan(&who, loan, from_incubation)
		}

		/// The borrower repays `amount`: arrears first, then ahead of schedule.
		#[pallet::call_index(17)]
		#[pallet::weight(T::WeightInfo::repay())]
		pub fn repay(
			origin: OriginFor<T>,
			loan: LoanId,
			#[pallet::compact] amount: Amount,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_repay(&who, loan, amount)
		}

		/// The borrower withdraws a loan nobody funded.
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::cancel_loan())]
		pub fn cancel_loan(origin: OriginFor<T>, loan: LoanId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel_loan(&who, loan)
		}

		/// Removes `who`'s empty ledger entry of a kind; the holder or the deposit payer may.
		#[pallet::call_index(19)]
		#[pallet::weight(T::WeightInfo::close_entry())]
		pub fn close_entry(
			origin: OriginFor<T>,
			jtid: JtId,
			who: AccountIdLookupOf<T>,
		) -> DispatchResult {
			let caller = ensure_signed(origin)?;
			let who = T::Lookup::lookup(who)?;
			Self::do_close_entry(&caller, jtid, who)
		}

		/// The deployer removes a kind with no holders, records, desk or supply left.
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::remove_kind())]
		pub fn remove_kind(origin: OriginFor<T>, jtid: JtId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_kind(&who, jtid)
		}

		/// The registrar removes an automatic account that holds nothing.
		#[pallet::call_index(21)]
		#[pallet::weight(T::WeightInfo::deregister_automatic())]
		pub fn deregister_automatic(
			origin: OriginFor<T>,
			account: AccountIdLookupOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let account = T::Lookup::lookup(account)?;
			Self::do_deregister_automatic(&who, account)
		}

		/// Removes a mentor record; the mentor or whoever paid for it may.
		#[pallet::call_index(22)]
		#[pallet::weight(T::WeightInfo::remove_mentor())]
		pub fn remove_mentor(
			origin: OriginFor<T>,
			jtid: JtId,
			mentor: AccountIdLookupOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let mentor = T::Lookup::lookup(mentor)?;
			Self::do_remove_mentor(&who, jtid, mentor)
		}
	}

	impl<T: Config> Pallet<T> {
		/// The weight of `submit` for this item: by type, linear in signatures and outputs.
		pub fn item_weight(item: &ItemOf<T>) -> Weight {
			match &item.data {
				ItemData::Issue { .. } => T::WeightInfo::submit_issue(),
				ItemData::Destroy { inputs, .. } => {
					T::WeightInfo::submit_destroy(inputs.len() as u32)
				},
				ItemData::Transfer { inputs, outputs, .. } => {
					T::WeightInfo::submit_transfer(inputs.len() as u32, outputs.len() as u32)
				},
				ItemData::Exchange { a, b, .. } => T::WeightInfo::submit_exchange(
					a.outputs.len().saturating_add(b.outputs.len()) as u32,
				),
				ItemData::Alloc { outputs, .. } => {
					T::WeightInfo::submit_alloc(outputs.len() as u32)
				},
			}
		}
	}
}

/// The terms of a new presale, as `open_presale` takes them.
pub struct PresaleTerms<BlockNumber> {
	pub price: Amount,
	pub units: u32,
	pub goal: u32,
	pub opens: BlockNumber,
	pub closes: BlockNumber,
	pub deliver_by: BlockNumber,
	pub product: sp_core::H256,
}
