# Copies the best checkpoint of a vitprune train run into resources/models/fashion-vit-tiny and
# rewrites the per-epoch table of TRAINING.md from log.csv.
# Usage: /usr/bin/python3 scripts/ship_default_model.py [RUN_DIR]   (default runs/fashion-vit-tiny)
import csv, shutil, json, sys
import os
run = sys.argv[1] if len(sys.argv) > 1 else 'runs/fashion-vit-tiny'
dst = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'resources', 'models', 'fashion-vit-tiny')
rows=list(csv.DictReader(open(run+'/log.csv')))
for f in ('model.safetensors','config.json'): shutil.copyfile(f'{run}/best/{f}', f'{dst}/{f}')
cfg=json.load(open(dst+'/config.json'))
best=max(rows,key=lambda r: float(r['test_top1']))
table='\n'.join(f"| {r['epoch']} | {float(r['train_loss']):.4f} | {100*float(r['test_top1']):.2f}% | {float(r['epoch_seconds'])/60:.1f} | {float(r['total_seconds'])/60:.1f} | {float(r['lr']):.2e} |" for r in rows)
md=open(dst+'/TRAINING.md').read()
start=md.index('<!-- epochs -->'); end=md.index('<!-- /epochs -->')
md=md[:start]+'<!-- epochs -->\n| epoch | train loss | test top-1 (10k) | minutes | total minutes | lr at end |\n|---|---|---|---|---|---|\n'+table+'\n'+md[end:]
import re
md=re.sub(r'<!-- shipped -->.*?<!-- /shipped -->', lambda m: '<!-- shipped -->'+f"epoch {best['epoch']} of 20, test top-1 {100*float(best['test_top1']):.2f}% on all 10,000 test images (config.json top1_accuracy = {cfg['top1_accuracy']})"+'<!-- /shipped -->', md, flags=re.S)
open(dst+'/TRAINING.md','w').write(md)
print('shipped epoch', best['epoch'], best['test_top1'])
