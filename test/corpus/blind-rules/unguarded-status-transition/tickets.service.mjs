import mongoose from 'mongoose';
import { Ticket } from './models/ticket.mjs';
import { notifyAssignee } from './notify.mjs';

const { Types } = mongoose;

export async function closeTicket(id) {
  return Ticket.findByIdAndUpdate(id, { status: 'closed', closedAt: new Date() }, { new: true }); // expect: unguarded-status-transition
}

export async function resolveTicket(id, resolution) {
  await Ticket.updateOne({ _id: id }, { $set: { state: 'resolved', resolution, resolvedAt: new Date() } }); // expect: unguarded-status-transition
}

export async function claimTicket(id, agentId) {
  const ticket = await Ticket.findOneAndUpdate( // ok: unguarded-status-transition
    { _id: id, status: 'open' },
    { $set: { status: 'in_progress', assignee: agentId } },
    { new: true },
  );
  if (!ticket) throw new Error('ticket already claimed');
  await notifyAssignee(ticket);
  return ticket;
}

export async function escalate(id) {
  return Ticket.findOneAndUpdate({ _id: new Types.ObjectId(id) }, { status: 'escalated' }, { new: true }).lean(); // expect: unguarded-status-transition
}

export async function escalateIfWaiting(id) {
  return Ticket.findOneAndUpdate({ _id: id, status: { $in: ['open', 'waiting_on_agent'] } }, { status: 'escalated' }, { new: true }); // ok: unguarded-status-transition
}

export async function reopen(id) {
  return Ticket.updateOne({ _id: id, status: { $ne: 'archived' } }, { $set: { status: 'open' } }); // ok: unguarded-status-transition
}

export async function unassignAll(userId) {
  await Ticket.updateMany({ assignee: userId }, { $set: { status: 'unassigned' }, $unset: { assignee: 1 } }); // expect: unguarded-status-transition
}

export async function autoCloseStale(cutoff) {
  await Ticket.updateMany({ updatedAt: { $lt: cutoff } }, { status: 'auto_closed' }); // expect: unguarded-status-transition
}

export async function autoCloseStaleSafe(cutoff) {
  await Ticket.updateMany({ updatedAt: { $lt: cutoff }, status: 'waiting_on_customer' }, { status: 'auto_closed' }); // ok: unguarded-status-transition
}

export async function addComment(id, body, author) {
  await Ticket.updateOne({ _id: id }, { $push: { history: { status: 'commented', body, author, at: new Date() } } }); // ok: unguarded-status-transition
}

export async function setPriority(id, priority) {
  await Ticket.updateOne({ _id: id }, { $set: { priority } }); // ok: unguarded-status-transition
}

export async function applyStatus(id, nextStatus) {
  await Ticket.updateOne({ _id: id }, { $set: { status: nextStatus } }); // ok: unguarded-status-transition
}

export async function openTicket(data) {
  return Ticket.create({ ...data, status: 'open' }); // ok: unguarded-status-transition
}
