//! The cod registry: an organisation's modeller and deployer keys, and the nodes registered
//! under it by their network keys.

use frame_support::{ensure, traits::Get};
use sp_runtime::DispatchResult;

use crate::{
	node_id,
	pallet::{Config, Error, Event, Members, NodeIds, Nodes, Orgs, Pallet},
	CodKeys, Node, NodeKey, NodeSignature, OrgId, Role,
};

impl<T: Config> Pallet<T> {
	/// What a node key signs to register under `cod` for `operator`.
	pub fn node_payload(cod: OrgId, operator: &T::AccountId) -> alloc::vec::Vec<u8> {
		crate::node_payload(&Self::genesis(), cod, operator)
	}

	/// Errors: `UnknownOrg`, `NotAdmin` (to make a cod), `NotModeller` (to change one),
	/// `NotCod` (nothing to undo), `NodesRegistered`.
	pub(crate) fn do_set_cod_keys(
		who: &T::AccountId,
		org: OrgId,
		keys: Option<CodKeys<T::AccountId>>,
	) -> DispatchResult {
		let mut o = Orgs::<T>::get(org).ok_or(Error::<T>::UnknownOrg)?;
		match &o.cod {
			None => {
				ensure!(keys.is_some(), Error::<T>::NotCod);
				ensure!(Self::role_of(org, who) == Some(Role::Admin), Error::<T>::NotAdmin);
			},
			Some(current) => {
				ensure!(current.modeller == *who, Error::<T>::NotModeller);
				ensure!(keys.is_some() || o.nodes == 0, Error::<T>::NodesRegistered);
			},
		}
		o.cod = keys.clone();
		Orgs::<T>::insert(org, o);
		Self::deposit_event(Event::CodKeysSet { org, keys });
		Ok(())
	}

	/// Errors: `UnknownOrg`, `NotCod`, `NotMember` (the operator must be in the cod),
	/// `BadNodeProof`, `NodeExists`, the hold.
	pub(crate) fn do_register_node(
		operator: &T::AccountId,
		cod: OrgId,
		key: NodeKey,
		proof: NodeSignature,
	) -> DispatchResult {
		let mut o = Orgs::<T>::get(cod).ok_or(Error::<T>::UnknownOrg)?;
		ensure!(o.cod.is_some(), Error::<T>::NotCod);
		ensure!(Members::<T>::contains_key(cod, operator), Error::<T>::NotMember);
		let signature = sp_core::ed25519::Signature::from_raw(proof);
		let public = sp_core::ed25519::Public::from_raw(key);
		ensure!(
			sp_io::crypto::ed25519_verify(&signature, &Self::node_payload(cod, operator), &public),
			Error::<T>::BadNodeProof
		);
		ensure!(!Nodes::<T>::contains_key(cod, key), Error::<T>::NodeExists);
		let deposit = T::NodeDeposit::get();
		Self::hold_deposit(operator, deposit)?;
		let id = node_id(cod, &key);
		let at = frame_system::Pallet::<T>::block_number();
		Nodes::<T>::insert(
			cod,
			key,
			Node { cod, key, id, operator: operator.clone(), at, deposit },
		);
		NodeIds::<T>::insert(id, (cod, key));
		o.nodes = o.nodes.saturating_add(1);
		Orgs::<T>::insert(cod, o);
		Self::deposit_event(Event::NodeRegistered { cod, key, id, operator: operator.clone() });
		Ok(())
	}

	/// Errors: `UnknownNode`, `NotAllowed`.
	pub(crate) fn do_deregister_node(
		who: &T::AccountId,
		cod: OrgId,
		key: NodeKey,
	) -> DispatchResult {
		let node = Nodes::<T>::get(cod, key).ok_or(Error::<T>::UnknownNode)?;
		let o = Orgs::<T>::get(cod);
		let deployer = o.as_ref().and_then(|o| o.cod.as_ref()).map(|k| &k.deployer);
		ensure!(
			node.operator == *who
				|| deployer == Some(who)
				|| Self::role_of(cod, who) == Some(Role::Admin),
			Error::<T>::NotAllowed
		);
		Nodes::<T>::remove(cod, key);
		NodeIds::<T>::remove(node.id);
		Self::release_deposit(&node.operator, node.deposit)?;
		if let Some(mut o) = o {
			o.nodes = o.nodes.saturating_sub(1);
			Orgs::<T>::insert(cod, o);
		}
		Self::deposit_event(Event::NodeDeregistered { cod, key, id: node.id });
		Ok(())
	}
}
