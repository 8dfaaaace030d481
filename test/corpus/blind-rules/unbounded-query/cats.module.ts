import { Controller, Get, Injectable, Param, Query } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Cat, CatDocument } from './schemas/cat.schema';

@Injectable()
export class CatsService {
  constructor(@InjectModel(Cat.name) private readonly catModel: Model<CatDocument>) {}

  async findAll(): Promise<Cat[]> { // ok: unbounded-query
    return this.catModel.find().exec(); // expect: unbounded-query
  }

  async findAllLean() {
    return this.catModel.find({}).lean(); // expect: unbounded-query
  }

  async names() {
    return this.catModel.find().select('name breed').lean(); // expect: unbounded-query
  }

  async summaries() {
    return this.catModel.find({}, 'name age').exec(); // expect: unbounded-query
  }

  async recent(limit = 20) {
    return this.catModel.find().sort({ createdAt: -1 }).limit(limit).exec(); // ok: unbounded-query
  }

  async page(page: number, size: number) {
    return this.catModel.find({}).skip(page * size).limit(size).lean(); // ok: unbounded-query
  }

  async alphabetical() {
    return this.catModel.find({}, null, { limit: 100, sort: { name: 1 } }); // ok: unbounded-query
  }

  async byOwner(ownerId: string) {
    return this.catModel.find({ ownerId }).lean(); // ok: unbounded-query
  }

  async byBreed(breed: string) {
    return this.catModel.find().where('breed').equals(breed).exec(); // ok: unbounded-query
  }

  async one(id: string) {
    return this.catModel.findById(id).lean(); // ok: unbounded-query
  }

  async any() {
    return this.catModel.findOne({}).lean(); // ok: unbounded-query
  }

  async total() {
    return this.catModel.countDocuments({}); // ok: unbounded-query
  }
}

@Controller('cats')
export class CatsController {
  constructor(private readonly catsService: CatsService) {}

  @Get()
  findAll() { // ok: unbounded-query
    return this.catsService.findAll(); // ok: unbounded-query
  }

  @Get('recent')
  recent(@Query('limit') limit?: string) {
    return this.catsService.recent(Math.min(Number(limit) || 20, 100));
  }

  @Get(':id')
  one(@Param('id') id: string) {
    return this.catsService.one(id);
  }
}
