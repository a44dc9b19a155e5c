// The names and shapes that orchid-run gives the arguments of a block
// (--list-weights, the files of --weights and --save-inputs) are those of
// the tables in docs/weights.md, in operand order.

// RUN: orchid-run %s --function=hyena_n2_b2_l100_d6 --list-weights | FileCheck %s --check-prefix=HYENA
// HYENA:      x{{[[:space:]]}}B x L x D{{[[:space:]]}}2x100x6xfloat32
// HYENA-NEXT: in_proj_weight{{[[:space:]]}}(N+1)D x D{{[[:space:]]}}18x6xfloat32
// HYENA:      filter_w_out{{[[:space:]]}}(N-1)D x W{{[[:space:]]}}6x16xfloat32
// HYENA:      out_proj_bias{{[[:space:]]}}D{{[[:space:]]}}6xfloat32
// HYENA-NEXT: filter_z{{[[:space:]]}}l_max x E{{[[:space:]]}}128x3xfloat32
// HYENA-NEXT: filter_deltas{{[[:space:]]}}(N-1)D{{[[:space:]]}}6xfloat32

// Name and shape columns against the documentation: Hyena with its stored
// state, Orchid with spectral conditioning and a residual convolution,
// Orchid with correlation conditioning and none, and a bidirectional
// correlation Orchid with every optional group.
// RUN: orchid-run %s --function=hyena_n2_b2_l100_d6 --list-weights | cut -f1,2 > %t.hyena
// RUN: sed -n '/^## Hyena/,/^## Orchid/p' %orchid_src_root/docs/weights.md | awk -F'|' '$3 ~ /`/ { n = $3; s = $4; gsub(/^[ `]+|[ `]+$/, "", n); gsub(/^[ `]+|[ `]+$/, "", s); print n "\t" s }' > %t.hyena.docs
// RUN: diff %t.hyena %t.hyena.docs
// RUN: orchid-run %s --function=orchid_spectral_circular_n2_b2_l12_d4 --list-weights | cut -f1,2 > %t.spectral
// RUN: sed -n '/^## Orchid/,/^## After/p' %orchid_src_root/docs/weights.md | awk -F'|' '$3 ~ /`/ && $2 !~ /correlation|stored|reverse/ { n = $3; s = $4; gsub(/^[ `]+|[ `]+$/, "", n); gsub(/^[ `]+|[ `]+$/, "", s); print n "\t" s }' > %t.spectral.docs
// RUN: diff %t.spectral %t.spectral.docs
// RUN: orchid-run %s --function=orchid_correlation_circular_n2_b2_l20_d4 --list-weights | cut -f1,2 > %t.correlation
// RUN: sed -n '/^## Orchid/,/^## After/p' %orchid_src_root/docs/weights.md | awk -F'|' '$3 ~ /`/ && $2 !~ /spectral|residual|stored|reverse/ { n = $3; s = $4; gsub(/^[ `]+|[ `]+$/, "", n); gsub(/^[ `]+|[ `]+$/, "", s); print n "\t" s }' > %t.correlation.docs
// RUN: diff %t.correlation %t.correlation.docs
// RUN: orchid-run %s --function=orchid_every_group --list-weights | cut -f1,2 > %t.every
// RUN: sed -n '/^## Orchid/,/^## After/p' %orchid_src_root/docs/weights.md | awk -F'|' '$3 ~ /`/ && $2 !~ /spectral/ { n = $3; s = $4; gsub(/^[ `]+|[ `]+$/, "", n); gsub(/^[ `]+|[ `]+$/, "", s); print n "\t" s }' > %t.every.docs
// RUN: diff %t.every %t.every.docs

// Arguments in another order than the operands keep their operands' names.
// RUN: orchid-run %s --function=hyena_weights_first --list-weights | FileCheck %s --check-prefix=REORDERED
// REORDERED:      in_proj_weight{{[[:space:]]}}
// REORDERED-NEXT: in_proj_bias{{[[:space:]]}}
// REORDERED-NEXT: x{{[[:space:]]}}B x L x D{{[[:space:]]}}1x12x4xfloat32

func.func @hyena_n2_b2_l100_d6(%x: tensor<2x100x6xf32>, %in_w: tensor<18x6xf32>,
    %in_b: tensor<18xf32>, %sw: tensor<18x3xf32>, %sb: tensor<18xf32>,
    %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<6x16xf32>, %fbias: tensor<6xf32>,
    %out_w: tensor<6x6xf32>, %out_b: tensor<6xf32>, %z: tensor<128x3xf32>,
    %deltas: tensor<6xf32>) -> tensor<2x100x6xf32> {
  %y = orchid.hyena %x, %in_w, %in_b, %sw, %sb, %fw_in, %fb_in, %fw_inner,
      %fb_inner, %ffreq, %fw_out, %fbias, %out_w, %out_b
      filter_z(%z) filter_deltas(%deltas)
      {order = 2 : i64, filter = #orchid.filter<l_max = 128, shift = 0.05>}
      : (tensor<2x100x6xf32>, tensor<18x6xf32>, tensor<18xf32>,
          tensor<18x3xf32>, tensor<18xf32>, tensor<16x3xf32>, tensor<16xf32>,
          tensor<2x16x16xf32>, tensor<2x16xf32>, tensor<3x16xf32>,
          tensor<6x16xf32>, tensor<6xf32>, tensor<6x6xf32>,
          tensor<6xf32>, tensor<128x3xf32>, tensor<6xf32>) -> tensor<2x100x6xf32>
  return %y : tensor<2x100x6xf32>
}

func.func @orchid_spectral_circular_n2_b2_l12_d4(%x: tensor<2x12x4xf32>,
    %in_w: tensor<12x4xf32>, %in_b: tensor<12xf32>, %sw: tensor<12x3xf32>,
    %sb: tensor<12xf32>, %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<4x16xf32>, %fbias: tensor<4xf32>,
    %c1w: tensor<4x3xf32>, %c1b: tensor<4xf32>, %g1: tensor<4xf32>,
    %b1: tensor<4xf32>, %c2w: tensor<8x3xf32>, %c2b: tensor<8xf32>,
    %g2: tensor<8xf32>, %b2: tensor<8xf32>, %rw_in: tensor<16x3xf32>,
    %rb_in: tensor<16xf32>, %rw_inner: tensor<2x16x16xf32>,
    %rb_inner: tensor<2x16xf32>, %rfreq: tensor<3x16xf32>,
    %rw_out: tensor<4x16xf32>, %rbias: tensor<4xf32>, %out_w: tensor<4x4xf32>,
    %out_b: tensor<4xf32>) -> tensor<2x12x4xf32> {
  %y = orchid.orchid circular spectral %x, %in_w, %in_b, %sw, %sb
      filter(%fw_in, %fb_in, %fw_inner, %fb_inner, %ffreq, %fw_out, %fbias)
      condition(%c1w, %c1b, %g1, %b1, %c2w, %c2b, %g2, %b2)
      residual(%rw_in, %rb_in, %rw_inner, %rb_inner, %rfreq, %rw_out, %rbias)
      out(%out_w, %out_b)
      {order = 2 : i64, filter = #orchid.filter<l_max = 16,
          normalize = after_modulation>,
          residual_filter = #orchid.filter<l_max = 16>}
      : (tensor<2x12x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>,
          tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
          tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>,
          tensor<8x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>,
          tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
          tensor<4x4xf32>, tensor<4xf32>) -> tensor<2x12x4xf32>
  return %y : tensor<2x12x4xf32>
}

func.func @orchid_correlation_circular_n2_b2_l20_d4(%x: tensor<2x20x4xf32>,
    %in_w: tensor<12x4xf32>, %in_b: tensor<12xf32>, %sw: tensor<12x3xf32>,
    %sb: tensor<12xf32>, %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<4x16xf32>, %fbias: tensor<4xf32>,
    %ckw: tensor<4x3xf32>, %ckb: tensor<4xf32>, %gk: tensor<4xf32>,
    %bk: tensor<4xf32>, %cqw: tensor<4x3xf32>, %cqb: tensor<4xf32>,
    %gq: tensor<4xf32>, %bq: tensor<4xf32>, %c3w: tensor<8x2x3xf32>,
    %c3b: tensor<8xf32>, %g3: tensor<8xf32>, %b3: tensor<8xf32>,
    %out_w: tensor<4x4xf32>, %out_b: tensor<4xf32>) -> tensor<2x20x4xf32> {
  %y = orchid.orchid circular correlation %x, %in_w, %in_b, %sw, %sb
      filter(%fw_in, %fb_in, %fw_inner, %fb_inner, %ffreq, %fw_out, %fbias)
      condition(%ckw, %ckb, %gk, %bk, %cqw, %cqb, %gq, %bq, %c3w, %c3b, %g3,
          %b3)
      residual()
      out(%out_w, %out_b)
      {order = 2 : i64, filter = #orchid.filter<l_max = 20,
          normalize = after_modulation>}
      : (tensor<2x20x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>,
          tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
          tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>,
          tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>,
          tensor<8x2x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>,
          tensor<4x4xf32>, tensor<4xf32>) -> tensor<2x20x4xf32>
  return %y : tensor<2x20x4xf32>
}

func.func @hyena_weights_first(%in_w: tensor<12x4xf32>, %in_b: tensor<12xf32>,
    %x: tensor<1x12x4xf32>, %sw: tensor<12x3xf32>, %sb: tensor<12xf32>,
    %fw_in: tensor<16x3xf32>, %fb_in: tensor<16xf32>,
    %fw_inner: tensor<2x16x16xf32>, %fb_inner: tensor<2x16xf32>,
    %ffreq: tensor<3x16xf32>, %fw_out: tensor<4x16xf32>, %fbias: tensor<4xf32>,
    %out_w: tensor<4x4xf32>, %out_b: tensor<4xf32>) -> tensor<1x12x4xf32> {
  %y = orchid.hyena %x, %in_w, %in_b, %sw, %sb, %fw_in, %fb_in, %fw_inner,
      %fb_inner, %ffreq, %fw_out, %fbias, %out_w, %out_b
      {order = 2 : i64, filter = #orchid.filter<l_max = 16>}
      : (tensor<1x12x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>,
          tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
          tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
          tensor<4x4xf32>, tensor<4xf32>) -> tensor<1x12x4xf32>
  return %y : tensor<1x12x4xf32>
}

func.func @orchid_every_group(%x: tensor<2x12x4xf32>,
    %in_w: tensor<12x4xf32>, %v12: tensor<12xf32>, %sw: tensor<12x3xf32>,
    %sb: tensor<12xf32>, %w_in: tensor<16x3xf32>, %v16: tensor<16xf32>,
    %w_inner: tensor<2x16x16xf32>, %b_inner: tensor<2x16xf32>,
    %freq: tensor<3x16xf32>, %w_out: tensor<4x16xf32>, %fbias: tensor<4xf32>,
    %z: tensor<8x3xf32>, %deltas: tensor<4xf32>,
    %rw_in: tensor<16x3xf32>, %rb_in: tensor<16xf32>,
    %rw_inner: tensor<2x16x16xf32>, %rb_inner: tensor<2x16xf32>,
    %rfreq: tensor<3x16xf32>, %rw_out: tensor<4x16xf32>,
    %ckw: tensor<4x3xf32>, %ckb: tensor<4xf32>, %gk: tensor<4xf32>,
    %bk: tensor<4xf32>, %cqw: tensor<4x3xf32>, %cqb: tensor<4xf32>,
    %gq: tensor<4xf32>, %bq: tensor<4xf32>, %c3w: tensor<8x2x3xf32>,
    %c3b: tensor<8xf32>, %g3: tensor<8xf32>, %b3: tensor<8xf32>,
    %sw_in: tensor<16x3xf32>, %sb_in: tensor<16xf32>,
    %sw_inner: tensor<2x16x16xf32>, %sb_inner: tensor<2x16xf32>,
    %sfreq: tensor<3x16xf32>, %sw_out: tensor<4x16xf32>, %sbias: tensor<4xf32>,
    %sz: tensor<8x3xf32>, %sdeltas: tensor<4xf32>,
    %srw_in: tensor<16x3xf32>, %srb_in: tensor<16xf32>,
    %srw_inner: tensor<2x16x16xf32>, %srb_inner: tensor<2x16xf32>,
    %srfreq: tensor<3x16xf32>, %srw_out: tensor<4x16xf32>,
    %out_w: tensor<4x4xf32>, %out_b: tensor<4xf32>) -> tensor<2x12x4xf32> {
  %y = orchid.orchid bidirectional correlation %x, %in_w, %v12, %sw, %sb
      filter(%w_in, %v16, %w_inner, %b_inner, %freq, %w_out, %fbias)
      filter_z(%z) filter_deltas(%deltas)
      filter_reverse(%rw_in, %rb_in, %rw_inner, %rb_inner, %rfreq, %rw_out)
      condition(%ckw, %ckb, %gk, %bk, %cqw, %cqb, %gq, %bq, %c3w, %c3b, %g3,
          %b3)
      residual(%sw_in, %sb_in, %sw_inner, %sb_inner, %sfreq, %sw_out, %sbias)
      residual_z(%sz) residual_deltas(%sdeltas)
      residual_reverse(%srw_in, %srb_in, %srw_inner, %srb_inner, %srfreq,
          %srw_out)
      out(%out_w, %out_b)
      {order = 2 : i64, filter = #orchid.filter<l_max = 8, grid = zero_pad>,
       residual_filter = #orchid.filter<l_max = 8, grid = zero_pad>}
      : (tensor<2x12x4xf32>, tensor<12x4xf32>, tensor<12xf32>, tensor<12x3xf32>,
         tensor<12xf32>, tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
         tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
         tensor<8x3xf32>, tensor<4xf32>,
         tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
         tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>,
         tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>,
         tensor<4x3xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>,
         tensor<8x2x3xf32>, tensor<8xf32>, tensor<8xf32>, tensor<8xf32>,
         tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
         tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>, tensor<4xf32>,
         tensor<8x3xf32>, tensor<4xf32>,
         tensor<16x3xf32>, tensor<16xf32>, tensor<2x16x16xf32>,
         tensor<2x16xf32>, tensor<3x16xf32>, tensor<4x16xf32>,
         tensor<4x4xf32>, tensor<4xf32>) -> tensor<2x12x4xf32>
  return %y : tensor<2x12x4xf32>
}
