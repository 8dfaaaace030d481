import * as typeorm from 'typeorm';
import { DataSource as OrmDataSource, QueryRunner } from 'typeorm';
import Redlock from 'redlock';
import { Showtime } from '../entities/showtime.entity';
import { Booking } from '../entities/booking.entity';

export class SeatBookingService {
  private readonly showtimes: typeorm.Repository<Showtime>;

  constructor(private readonly ds: OrmDataSource, private readonly redlock: Redlock) {
    this.showtimes = ds.getRepository(Showtime);
  }

  async hold(showtimeId: string, seats: number): Promise<void> {
    const showtime = await this.showtimes.findOne({ where: { id: showtimeId }, relations: { venue: true } });
    if (!showtime || showtime.availableSeats < seats) throw new Error('sold out');
    showtime.availableSeats -= seats;
    showtime.heldSeats += seats;
    await this.showtimes.save(showtime); // expect: read-modify-write-race
  }

  async releaseHold(showtimeId: string, seats: number): Promise<void> {
    const showtime = await this.ds.getRepository(Showtime).findOneByOrFail({ id: showtimeId });
    await this.ds.getRepository(Showtime).update({ id: showtimeId }, { heldSeats: showtime.heldSeats - seats, availableSeats: showtime.availableSeats + seats }); // expect: read-modify-write-race
  }

  async joinWaitlist(showtimeId: string): Promise<number> {
    const repo = this.ds.getRepository(Showtime);
    const showtime = await repo.findOneBy({ id: showtimeId });
    if (!showtime) throw new Error('unknown showtime');
    showtime.waitlistCount = showtime.waitlistCount + 1;
    await repo.save(showtime); // expect: read-modify-write-race
    return showtime.waitlistCount;
  }

  async confirm(showtimeId: string, seats: number, userId: string): Promise<void> {
    const qr: QueryRunner = this.ds.createQueryRunner();
    await qr.connect();
    await qr.startTransaction();
    try {
      const showtime = await qr.manager.findOne(Showtime, { where: { id: showtimeId }, lock: { mode: 'pessimistic_write' } });
      if (!showtime) throw new Error('unknown showtime');
      showtime.heldSeats -= seats;
      showtime.soldSeats += seats;
      await qr.manager.save(showtime); // ok: read-modify-write-race
      await qr.manager.save(qr.manager.create(Booking, { showtimeId, userId, seats })); // ok: read-modify-write-race
      await qr.commitTransaction();
    } catch (err) {
      await qr.rollbackTransaction();
      throw err;
    } finally {
      await qr.release();
    }
  }

  async holdUnderRedlock(showtimeId: string, seats: number): Promise<void> {
    const lock = await this.redlock.acquire([`locks:showtime:${showtimeId}`], 5000);
    try {
      const showtime = await this.showtimes.findOneBy({ id: showtimeId });
      if (!showtime || showtime.availableSeats < seats) throw new Error('sold out');
      showtime.availableSeats -= seats;
      await this.showtimes.save(showtime); // ok: read-modify-write-race
    } finally {
      await lock.release();
    }
  }

  async addSeatsSerializable(showtimeId: string, seats: number): Promise<void> {
    await this.ds.transaction('SERIALIZABLE', async (em) => {
      const showtime = await em.createQueryBuilder(Showtime, 's').setLock('pessimistic_write').where('s.id = :id', { id: showtimeId }).getOne();
      if (!showtime) throw new Error('unknown showtime');
      showtime.availableSeats += seats;
      await em.save(showtime); // ok: read-modify-write-race
    });
  }

  async releaseHoldAtomic(showtimeId: string, seats: number): Promise<void> {
    const showtime = await this.showtimes.findOneBy({ id: showtimeId });
    if (!showtime) return;
    await this.showtimes.decrement({ id: showtimeId }, 'heldSeats', seats); // ok: read-modify-write-race
    await this.showtimes.increment({ id: showtimeId }, 'availableSeats', seats); // ok: read-modify-write-race
  }

  async reschedule(showtimeId: string, startsAt: Date): Promise<Showtime> {
    const showtime = await this.showtimes.findOneByOrFail({ id: showtimeId });
    showtime.startsAt = startsAt;
    showtime.rescheduled = true;
    return this.showtimes.save(showtime); // ok: read-modify-write-race
  }
}
